// The page's words come from Django's JavaScriptCatalog (the djangojs domain), loaded before the
// modules; without it the English text is shown rather than nothing.

const catalog = window.django ?? {};

/** The translation of msgid in the page's language. */
export function gettext(msgid) {
  return catalog.gettext ? catalog.gettext(msgid) : msgid;
}

/** The singular or a plural of msgid for count, by the page language's plural rule. */
export function ngettext(singular, plural, count) {
  if (catalog.ngettext) return catalog.ngettext(singular, plural, count);
  return count === 1 ? singular : plural;
}

/** Fills %(name)s placeholders, as Python's % operator does in the Django templates. */
export function interpolate(format, values) {
  return format.replace(/%\((\w+)\)s/g, (_, key) => String(values[key]));
}

/** A date the way the templates write it (j.n.Y). */
export function formatDate(iso) {
  const d = new Date(iso);
  return `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`;
}
