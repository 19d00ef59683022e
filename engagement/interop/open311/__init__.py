"""Open311 GeoReport v2 (`/open311/v2/`, http://wiki.open311.org/GeoReport_v2), so existing
civic-tech clients can read and post without changes. Every endpoint answers in JSON or XML by its
extension (`.json`, `.xml`); errors use the specification's `errors` format with the same HTTP code.

What maps to what:
- jurisdiction: the whole site. `jurisdiction_id` is one of the setting OPEN311_JURISDICTIONS
  (an unknown one is a 404 error list), needed only when it lists more than one (decision 0044);
  discovery lists them.
- service: a theme of a campaign that is open or has public contributions. `service_code` is
  `<campaign slug>.<theme slug>`, `service_name` and `description` are the theme's (in the
  request's Accept-Language), `group` the campaign's title, `keywords` the campaign's slug,
  `metadata` false and `type` realtime. A service definition therefore has no attributes.
- service request: a public contribution (published; pending, hidden and withdrawn ones never
  appear). `status` is closed when the contribution is done or not possible, else open;
  `status_notes` the text of its latest public status change; `description` its title, a blank
  line and its body (the body alone when it begins with the title, as for requests posted here,
  so a client reads back what it sent), at most 4,000 characters as the specification limits it;
  `agency_responsible` the name of the campaign's area; `lat`/`long` its PUBLIC location
  (`geo.selectors.public_geometry`: a point off the exact-location choice sits at the centre of
  its 100 m cell; a route or an area gives its centroid, computed by PostGIS); `media_url` the
  first photo a moderator has not hidden; `updated_datetime` the latest of the last change and
  the last status change (for closed requests, when they were closed).
- GET requests: `service_request_id` (comma-separated, overrides every other parameter),
  `service_code` and `status` (comma-separated or repeated), `start_date`/`end_date` (W3C
  datetimes from the years 1900 to 9000; a range may not span more than 90 days; one of them alone
  makes a 90-day window from it; neither means the last 90 days). Newest first, at most
  MAX_REQUESTS (1,000); `limit` (1 to 1,000) and `page` (from 1) page through them. An unknown
  `service_code`, a bad `status`, date, `page` or `limit` is a 400 in the error list.
- POST requests (form-encoded, no CSRF token: the API key authenticates): a need filed under the
  service's theme through `engagement.services.contribution_submit`, on behalf of the key's
  participant, in the request's language, with the exact location kept private as by default.
  The title is the description's first line, so `description` is required.

Not supported: `address_string` and `address_id` without `lat`/`long` (400), `media_url` on POST
(a remote http(s) URL is accepted and not fetched, anything else is a 400; an uploaded file is a
400: photos are only accepted as checked uploads through the site's own
API), `attribute[...]` (no service has attributes), batch tokens (`tokens/<token>`: every
service is realtime), and service request fields this site does not have (`address`,
`address_id`, `zipcode`, `service_notice`, `expected_datetime` are empty). `email`, `first_name`,
`last_name`, `phone`, `device_id` and `account_id` are accepted and not stored: the integration
behind the key answers for its users, and the site keeps no personal data it does not need.
"""
