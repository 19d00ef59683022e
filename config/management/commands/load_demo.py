"""Load the Tesoma demo: the area, campaign, themes and resident input that `make run` and the
tests start from, so the site shows a real-looking consultation on an empty database.

Running it again changes nothing: areas, the campaign and themes are matched on their slugs, and
a contribution whose title already exists in the campaign is skipped.
"""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone, translation

from engagement.models import Campaign, Contribution, Participant, Role, Theme
from geo.models import Area
from geo.services import geometry_from_geojson

# Hand-drawn, approximate outlines as (lon, lat) in EPSG:4326, counter-clockwise, ring closed.
# Good enough for a demo map; not an official boundary.
TAMPERE_BOUNDARY: tuple[tuple[float, float], ...] = (
    (23.545, 61.470),
    (23.600, 61.445),
    (23.700, 61.425),
    (23.790, 61.405),
    (23.880, 61.415),
    (23.960, 61.450),
    (23.990, 61.510),
    (23.975, 61.570),
    (24.060, 61.620),
    (24.080, 61.690),
    (24.020, 61.745),
    (23.900, 61.735),
    (23.800, 61.690),
    (23.760, 61.620),
    (23.700, 61.560),
    (23.620, 61.545),
    (23.560, 61.520),
    (23.545, 61.470),
)

# Western Tampere around the Länsikeskus shopping centre (about 23.6283 E, 61.4995 N).
TESOMA_BOUNDARY: tuple[tuple[float, float], ...] = (
    (23.5980, 61.4915),
    (23.6060, 61.4880),
    (23.6170, 61.4872),
    (23.6290, 61.4878),
    (23.6410, 61.4870),
    (23.6520, 61.4884),
    (23.6610, 61.4905),
    (23.6640, 61.4955),
    (23.6600, 61.5010),
    (23.6510, 61.5068),
    (23.6400, 61.5105),
    (23.6270, 61.5118),
    (23.6140, 61.5110),
    (23.6030, 61.5082),
    (23.5962, 61.5035),
    (23.5955, 61.4975),
    (23.5980, 61.4915),
)

CAMPAIGN_SLUG = "tesoma-together"
CAMPAIGN_OPENS_AT = datetime(2026, 1, 1, tzinfo=ZoneInfo("Europe/Helsinki"))

CAMPAIGN_TITLE = {
    "fi": "Tesoma yhdessä",
    "sv": "Tesoma tillsammans",
    "en": "Tesoma together",
}

CAMPAIGN_INPUT_PROCESS = {
    "fi": (
        "Kaupungin aluetiimi lukee jokaisen ehdotuksen viikoittain ja merkitsee sille tilan: "
        "harkinnassa, suunnitteilla, kokeilussa, toteutettu tai ei mahdollinen perusteluineen.\n\n"
        "Kun kysely sulkeutuu, kartta jää luettavaksi. Ehdotuksista kootaan yhteenveto "
        "Tesoman kehittämisen ohjausryhmälle, ja yritykset ja yhdistykset voivat tarttua niihin "
        "nopeina kokeiluina."
    ),
    "sv": (
        "Stadens områdesteam läser varje förslag varje vecka och ger det en status: under "
        "behandling, planerad, i ett försök, genomförd eller inte möjlig med motivering.\n\n"
        "När enkäten stänger går kartan fortfarande att läsa. Förslagen sammanfattas för "
        "styrgruppen för utvecklingen av Tesoma, och företag och föreningar kan ta sig an dem "
        "som snabba försök."
    ),
    "en": (
        "The city's area team reads every contribution weekly and gives it a status: under "
        "consideration, planned, in a pilot, done, or not possible with the reasons.\n\n"
        "When the campaign closes, the map stays readable. The input is summarised for the "
        "steering group of Tesoma's development, and businesses and associations can take it up "
        "as quick pilots."
    ),
}

CAMPAIGN_DESCRIPTION = {
    "fi": (
        "Mitä Tesomalla tarvitaan, mitä sieltä puuttuu ja mikä toimii jo hyvin? Merkitse "
        "ideasi ja tarpeesi kartalle. Ne näkyvät kaikille, ja muut voivat tukea ja "
        "kommentoida niitä.\n\n"
        "Tampere kehittää Tesomaa yhdessä asukkaiden, palveluntarjoajien, yhdistysten ja "
        "yritysten kanssa. Työ alkoi neljän päivän charrettesta eli yhteissuunnittelun "
        "työpajasta, jossa sovittiin neljästä yhteisestä arvosta:\n\n"
        "- yhdessä tekeminen\n"
        "- luonnosta huolehtiminen\n"
        "- ihmisten saaminen liikkeelle\n"
        "- lähipalvelut\n\n"
        "Kaupunki lukee jokaisen ehdotuksen ja vastaa niihin julkisesti. Parhaista ideoista "
        "voi tulla nopeita paikallisia kokeiluja, jotka toteutetaan yhdessä yritysten ja "
        "yhdistysten kanssa."
    ),
    "sv": (
        "Vad behövs i Tesoma, vad saknas och vad fungerar redan bra? Sätt ut dina idéer och "
        "behov på kartan. De syns för alla, och andra kan stödja och kommentera dem.\n\n"
        "Tammerfors utvecklar Tesoma tillsammans med invånare, serviceproducenter, föreningar "
        "och företag. Arbetet började med en fyra dagar lång charrette, en gemensam "
        "planeringsverkstad, där man kom överens om fyra gemensamma värden:\n\n"
        "- att göra saker tillsammans\n"
        "- att ta hand om naturen\n"
        "- att få människor att röra på sig\n"
        "- lokal service\n\n"
        "Staden läser varje bidrag och svarar offentligt. De bästa idéerna kan bli snabba "
        "lokala pilotförsök som genomförs tillsammans med företag och föreningar."
    ),
    "en": (
        "What does Tesoma need, what is missing and what already works well? Pin your ideas "
        "and needs on the map. Everyone can see them, and others can support and comment on "
        "them.\n\n"
        "Tampere is developing Tesoma together with residents, service providers, associations "
        "and businesses. The work began with a four-day charrette, a shared planning workshop "
        "that agreed on four shared values:\n\n"
        "- doing together\n"
        "- caring for nature\n"
        "- getting people moving\n"
        "- local services\n\n"
        "The city reads every contribution and answers publicly. The best ideas can become "
        "quick local pilots run together with businesses and associations."
    ),
}

# slug, colour (each at least 5:1 against white), names and one-sentence descriptions.
THEMES: tuple[dict[str, Any], ...] = (
    {
        "slug": "young-people",
        "color": "#7b2cbf",
        "name": {
            "fi": "Tekemistä nuorille",
            "sv": "Saker att göra för unga",
            "en": "Things for young people to do",
        },
        "description": {
            "fi": "Paikat, harrastukset ja tapahtumat Tesoman nuorille.",
            "sv": "Platser, fritidsaktiviteter och evenemang där unga i Tesoma kan umgås.",
            "en": "Places, hobbies and events where Tesoma's young people can spend time.",
        },
    },
    {
        "slug": "business-services",
        "color": "#b54708",
        "name": {
            "fi": "Yritys- ja palvelukehitys",
            "sv": "Företags- och serviceutveckling",
            "en": "Business and service development",
        },
        "description": {
            "fi": "Lähipalvelut, kaupat ja yrittäjät, joita Tesomalla tarvitaan.",
            "sv": "Närservice, butiker och företagare som behövs i Tesoma.",
            "en": "Local services, shops and entrepreneurs that Tesoma needs.",
        },
    },
    {
        "slug": "innovative-routes",
        "color": "#0b7a5a",
        "name": {
            "fi": "Innovatiiviset reitit",
            "sv": "Innovativa rutter",
            "en": "Innovative routes",
        },
        "description": {
            "fi": "Kävely- ja pyöräreitit, jotka saavat ihmiset liikkeelle turvallisesti ja "
            "mielellään.",
            "sv": "Gång- och cykelvägar som får människor att röra på sig tryggt och gärna.",
            "en": "Walking and cycling routes that get people moving safely and gladly.",
        },
    },
    {
        "slug": "information",
        "color": "#1f5fa8",
        "name": {
            "fi": "Tiedotus ja viestintä",
            "sv": "Information och kommunikation",
            "en": "Information and communication",
        },
        "description": {
            "fi": "Miten tieto alueen tapahtumista, palveluista ja päätöksistä tavoittaa "
            "kaikki asukkaat.",
            "sv": "Hur information om områdets evenemang, service och beslut når alla invånare.",
            "en": "How news of local events, services and decisions reaches every resident.",
        },
    },
    {
        "slug": "doing-together",
        "color": "#b4235a",
        "name": {
            "fi": "Yhdessä tekemisen käytännöt",
            "sv": "Sätt att göra saker tillsammans",
            "en": "Practices of doing together",
        },
        "description": {
            "fi": "Talkoot, yhteiset tilat ja tavat, joilla naapurit tekevät asioita yhdessä.",
            "sv": "Talkon, gemensamma lokaler och sätt att göra saker med grannarna.",
            "en": "Volunteer days, shared spaces and ways for neighbours to get things done "
            "together.",
        },
    },
)

# Resident input in Finnish: (kind, theme slug, title, body, (lon, lat)). Every point lies at
# least 0.002 degrees (over 150 m) inside TESOMA_BOUNDARY.
CONTRIBUTIONS: tuple[tuple[str, str, str, str, tuple[float, float]], ...] = (
    (
        "idea",
        "young-people",
        "Nuorten olohuone Länsikeskuksen lähelle",
        (
            "Nuorilla ei ole iltaisin paikkaa, jossa voisi olla lämpimässä ilman että pitää ostaa "
            "jotain. Tyhjään liiketilaan Länsikeskuksen lähelle voisi tehdä nuorten olohuoneen, "
            "jossa on ohjaaja paikalla."
        ),
        (23.6295, 61.4985),
    ),
    (
        "need",
        "young-people",
        "Skeittipaikka puuttuu",
        (
            "Tesomalla ei ole kunnon paikkaa skeitata, joten nuoret ajavat parkkipaikoilla. "
            "Pienikin betoninen skeittialue puiston reunaan riittäisi alkuun."
        ),
        (23.6450, 61.4940),
    ),
    (
        "idea",
        "young-people",
        "Iltavuoro koulun liikuntasaliin",
        (
            "Koulun liikuntasali on perjantai-iltaisin tyhjä. Sinne voisi tehdä avoimen vuoron, "
            "jossa saa pelata sählyä tai koripalloa ilman seuran jäsenyyttä."
        ),
        (23.6180, 61.5020),
    ),
    (
        "idea",
        "business-services",
        "Pop up -tori Länsikeskuksen pihalle",
        (
            "Kesälauantaisin pihalle voisi tuoda pop up -torin, jossa lähiseudun tuottajat ja "
            "kotileipurit myyvät tuotteitaan. Se toisi ihmisiä liikkeelle ja tukisi pieniä "
            "yrittäjiä."
        ),
        (23.6270, 61.5002),
    ),
    (
        "need",
        "business-services",
        "Korjauspalvelu puuttuu alueelta",
        (
            "Kenkien ja vaatteiden korjaukseen pitää lähteä keskustaan asti. Pieni korjaamo tai "
            "vaikka kerran kuussa kiertävä korjauspäivä olisi tarpeen."
        ),
        (23.6350, 61.4960),
    ),
    (
        "idea",
        "innovative-routes",
        "Valaistu kävelyreitti metsän läpi",
        (
            "Metsäpolku on syksyllä ja talvella pimeä, joten moni kiertää autotien vartta. "
            "Valaistus ja tasainen pinta tekisivät siitä turvallisen reitin kouluun ja kauppaan."
        ),
        (23.6120, 61.4950),
    ),
    (
        "need",
        "innovative-routes",
        "Penkki ja lepopaikka mäen puoliväliin",
        (
            "Ikääntyneelle on raskasta kävellä kaupasta kotiin ylämäkeen kauppakassien kanssa. "
            "Penkki reitin puolivälissä auttaisi jaksamaan, ja sen voisi sijoittaa puun varjoon."
        ),
        (23.6400, 61.5040),
    ),
    (
        "need",
        "innovative-routes",
        "Katettu pyöräparkki bussipysäkille",
        (
            "Moni pyöräilee pysäkille, mutta pyörän voi jättää vain puuta vasten. Katos ja "
            "runkolukittavat telineet saisivat useamman jättämään auton kotiin."
        ),
        (23.6220, 61.4925),
    ),
    (
        "idea",
        "information",
        "Yhteinen ilmoitustaulu kirjastoon",
        (
            "Kirjaston aulaan voisi tehdä ilmoitustaulun, jossa yhdistykset, kerhot ja naapurit "
            "kertovat tapahtumistaan. Kaikki eivät seuraa someryhmiä."
        ),
        (23.6310, 61.5010),
    ),
    (
        "need",
        "information",
        "Tiedotteet myös selkokielellä ja muilla kielillä",
        (
            "Alueella asuu paljon ihmisiä, joiden äidinkieli ei ole suomi. Kaupungin tiedotteet "
            "ja tapahtumailmoitukset olisi hyvä saada selkokielellä ja yleisimmillä kielillä."
        ),
        (23.6500, 61.4995),
    ),
    (
        "idea",
        "doing-together",
        "Naapuruston siivoustalkoot keväällä",
        (
            "Järjestetään toukokuussa yhteiset siivoustalkoot, joihin kaupunki tuo roskapihdit ja "
            "säkit. Lopuksi voisi paistaa makkaraa ja juoda kahvit puistossa."
        ),
        (23.6050, 61.5000),
    ),
    (
        "idea",
        "doing-together",
        "Yhteinen viljelypalsta kerrostalojen väliin",
        (
            "Kerrostalojen välissä on iso nurmikenttä, jota kukaan ei käytä. Siihen mahtuisi "
            "kohotettuja viljelylaatikoita, joita naapurit voisivat hoitaa yhdessä."
        ),
        (23.6550, 61.4925),
    ),
)


# A route and an area, as residents draw them: (kind, theme, title, body, geometry as GeoJSON).
DRAWN_CONTRIBUTIONS = (
    (
        "need",
        "innovative-routes",
        "Turvallinen pyöräreitti Länsikeskuksesta koululle",
        "Reitti kulkee nyt vilkkaan kadun vartta. Erillinen pyörätie puiston läpi olisi "
        "turvallisempi lapsille.",
        {
            "type": "LineString",
            "coordinates": [[23.6283, 61.4995], [23.6330, 61.4975], [23.6390, 61.4960]],
        },
    ),
    (
        "idea",
        "doing-together",
        "Niittyalue pölyttäjille",
        "Tämän nurmikon voisi jättää niityksi. Asukkaat voisivat kylvää siemenet talkoilla.",
        {
            "type": "Polygon",
            "coordinates": [
                [
                    [23.6150, 61.4990],
                    [23.6200, 61.4990],
                    [23.6200, 61.5015],
                    [23.6150, 61.5015],
                    [23.6150, 61.4990],
                ]
            ],
        },
    ),
)
# Development only: printed by `make run` and written in the README.
DEMO_OFFICIALS = (
    # email, password, role, title, unit
    (
        "moderaattori@example.org",
        "tesoma-moderaattori",
        "moderator",
        "Aluekoordinaattori",
        "Tampereen kaupunki, Länsi-Tampereen aluetiimi",
    ),
    (
        "analyytikko@example.org",
        "tesoma-analyytikko",
        "analyst",
        "Tutkija",
        "Tampereen kaupunki, tietopalvelut",
    ),
)
DEMO_ORGANISATION_MEMBER = ("yritys@example.org", "tesoma-yritys")
DEMO_EDITOR = ("toimittaja@example.org", "tesoma-toimittaja")
EDITOR_GROUP = "Toolkit editors"
DEMO_PILOTS = (
    # title, answers (contribution titles), place (lon, lat), hypothesis, measures, reported?
    (
        "Nuorten pop up -olohuone Länsikeskuksessa",
        ("Nuorten olohuone Länsikeskuksen lähelle", "Iltavuoro koulun liikuntasaliin"),
        (23.6288, 61.4993),
        "Jos avaamme tyhjään liiketilaan nuorten olohuoneen neljäksi viikoksi arki-iltaisin, "
        "niin nuoret löytävät sinne ja haluavat paikan pysyväksi.",
        (
            ("Käyntejä", "käyntiä", "400", "520"),
            ("Nuorten palautteen keskiarvo", "1-5", "4", "4.4"),
        ),
        True,
    ),
    (
        "Katettu pyöräparkki kokeiluun bussipysäkille",
        ("Katettu pyöräparkki bussipysäkille",),
        (23.6262, 61.5005),
        "Jos pysäkille tuodaan katettu pyöräteline kuukaudeksi, niin useampi jättää auton kotiin.",
        (("Pyöriä telineessä arkiaamuisin", "pyörää", "15", None),),
        False,
    ),
)
DEMO_COMMENTS = (
    "Kannatan! Tämä olisi tärkeä monelle perheelle.",
    "Hyvä ajatus. Voisin osallistua talkoisiin.",
)


def _multipolygon(ring: tuple[tuple[float, float], ...]) -> MultiPolygon:
    return MultiPolygon(Polygon(ring), srid=4326)


class Command(BaseCommand):
    help = (
        "Load the Tesoma demo: Tampere and Tesoma areas, the 'Tesoma together' campaign, "
        "its five themes and twelve sample contributions. Safe to run repeatedly."
    )

    @transaction.atomic
    def _toolkit(self) -> None:
        """The toolkit's method cards and stories, and an editors' group with a demo editor."""
        from allauth.account.models import EmailAddress
        from django.contrib.auth.models import Group, Permission

        from toolkit.content.demo import toolkit_demo_load

        cards, stories = toolkit_demo_load()
        group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label="toolkit",
                codename__in=["add_methodcard", "change_methodcard", "add_story", "change_story"],
            )
        )
        email, password = DEMO_EDITOR
        editor, created = get_user_model().objects.get_or_create(
            username=email, defaults={"email": email}
        )
        if created:
            editor.set_password(password)
            editor.save()
        editor.groups.add(group)
        EmailAddress.objects.update_or_create(
            user=editor, email=email, defaults={"verified": True, "primary": True}
        )
        self.stdout.write(f"Toolkit: {cards} method cards, {stories} stories.")

    @transaction.atomic
    def _pilots(self, campaign: Campaign) -> None:
        """An association with a reported youth pilot near Länsikeskus and a running one."""
        from toolkit.models import MethodCard, Organisation, Pilot
        from toolkit.pilots.services import (
            MeasurePlan,
            organisation_register,
            pilot_propose,
            pilot_report,
            pilot_review,
        )

        email, password = DEMO_ORGANISATION_MEMBER
        member, created = get_user_model().objects.get_or_create(
            username=email, defaults={"email": email, "first_name": "Tesoma"}
        )
        if created:
            member.set_password(password)
            member.save()
        from allauth.account.models import EmailAddress

        EmailAddress.objects.update_or_create(
            user=member, email=email, defaults={"verified": True, "primary": True}
        )
        organisation = Organisation.objects.filter(name="Tesoman Nuorisoyhdistys ry").first()
        if organisation is None:
            organisation = organisation_register(
                user=member,
                name="Tesoman Nuorisoyhdistys ry",
                kind="association",
                business_id="1572860-0",
            )
        moderator = get_user_model().objects.get(username=DEMO_OFFICIALS[0][0])
        today = timezone.localdate()
        for title, answers, (lon, lat), hypothesis, measures, reported in DEMO_PILOTS:
            if Pilot.objects.filter(title=title).exists():
                continue
            starts = today - timedelta(days=60 if reported else 7)
            pilot = pilot_propose(
                user=member,
                organisation=organisation,
                campaign=campaign,
                title=title,
                geometry=Point(lon, lat, srid=4326),
                contributions=list(
                    Contribution.objects.filter(campaign=campaign, title__in=answers)
                ),
                hypothesis=hypothesis,
                starts_on=starts,
                ends_on=starts + timedelta(days=28),
                measures=[MeasurePlan(n, u, t) for n, u, t, _actual in measures],
                asks="Tyhjä liiketila iltaisin, kaupungin viestintä.",
                planned_methods="",
                method_cards=list(
                    MethodCard.objects.filter(slug__in=["pop-up-pilot", "evaluation-by-measures"])
                ),
            )
            pilot_review(actor=moderator, pilot=pilot, decision="approve")
            if reported:
                pilot_report(
                    user=member,
                    pilot=pilot,
                    actuals={m.pk: measures[i][3] for i, m in enumerate(pilot.measures.all())},
                    narrative="Olohuone oli auki 16 iltaa. Nuoria kävi enemmän kuin odotimme, ja "
                    "moni toivoi paikasta pysyvää. Kaupunki etsii tilaa vuodeksi eteenpäin.",
                    next_step="scale_up",
                    outcome="planned",
                )

    def _officials(self, campaign: Campaign) -> None:
        """A moderator of the campaign and an analyst of its area, with verified addresses."""
        from allauth.account.models import EmailAddress

        for email, password, kind, title, unit in DEMO_OFFICIALS:
            user, created = get_user_model().objects.get_or_create(
                username=email, defaults={"email": email}
            )
            if created:
                user.set_password(password)
                user.save()
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            scope = (
                {"campaign": campaign} if kind == Role.Kind.MODERATOR else {"area": campaign.area}
            )
            Role.objects.update_or_create(
                user=user, kind=kind, **scope, defaults={"title": title, "unit": unit}
            )

    def handle(self, *args: Any, **options: Any) -> None:
        from engagement.participation.services import (
            comment_add,
            contribution_submit,
            participant_for_user,
            support_add,
        )

        # The untranslated columns (name, title, description) take the default language.
        with translation.override("fi"), transaction.atomic():
            tampere, _ = Area.objects.update_or_create(
                slug="tampere",
                defaults={
                    "name_fi": "Tampere",
                    "name_sv": "Tammerfors",
                    "name_en": "Tampere",
                    "kind": Area.Kind.CITY,
                    "parent": None,
                    "boundary": _multipolygon(TAMPERE_BOUNDARY),
                    "default_zoom": 11,
                },
            )
            tesoma, _ = Area.objects.update_or_create(
                slug="tesoma",
                defaults={
                    "name_fi": "Tesoma",
                    "name_sv": "Tesoma",
                    "name_en": "Tesoma",
                    "kind": Area.Kind.DISTRICT,
                    "parent": tampere,
                    "boundary": _multipolygon(TESOMA_BOUNDARY),
                    "default_zoom": 14,
                },
            )

            campaign_defaults: dict[str, Any] = {
                "area": tesoma,
                "opens_at": CAMPAIGN_OPENS_AT,
                "closes_at": None,
                "allow_anonymous": True,
                "geometry_kinds": ["point", "line", "polygon"],
                "moderation": Campaign.Moderation.POST,
            }
            for lang in ("fi", "sv", "en"):
                campaign_defaults[f"title_{lang}"] = CAMPAIGN_TITLE[lang]
                campaign_defaults[f"description_{lang}"] = CAMPAIGN_DESCRIPTION[lang]
                campaign_defaults[f"input_process_{lang}"] = CAMPAIGN_INPUT_PROCESS[lang]
            campaign, _ = Campaign.objects.update_or_create(
                slug=CAMPAIGN_SLUG, defaults=campaign_defaults
            )

            themes: dict[str, Theme] = {}
            for position, spec in enumerate(THEMES, start=1):
                theme_defaults: dict[str, Any] = {
                    "color": spec["color"],
                    "position": position,
                }
                for lang in ("fi", "sv", "en"):
                    theme_defaults[f"name_{lang}"] = spec["name"][lang]
                    theme_defaults[f"description_{lang}"] = spec["description"][lang]
                themes[spec["slug"]], _ = Theme.objects.update_or_create(
                    campaign=campaign, slug=spec["slug"], defaults=theme_defaults
                )

            self._officials(campaign)

            # The demo pins belong to a demo resident who cannot sign in (no usable password).
            demo_user, _ = get_user_model().objects.get_or_create(
                username="demo-resident", defaults={"first_name": "Tesoma-demo"}
            )
            if demo_user.has_usable_password():
                demo_user.set_unusable_password()
                demo_user.save()
            demo_participant = participant_for_user(user=demo_user)

            in_campaign = Contribution.objects.filter(campaign=campaign)
            existing = set(in_campaign.values_list("title", flat=True))
            created = 0
            for kind, theme_slug, title, body, (lon, lat) in CONTRIBUTIONS:
                if title in existing:
                    continue
                contribution_submit(
                    campaign=campaign,
                    participant=demo_participant,
                    kind=kind,
                    theme=themes[theme_slug],
                    title=title,
                    body=body,
                    geometry=Point(lon, lat, srid=4326),
                    language="fi",
                )
                existing.add(title)
                created += 1
            for kind, theme_slug, title, body, geojson in DRAWN_CONTRIBUTIONS:
                if title in existing:
                    continue
                drawn = contribution_submit(
                    campaign=campaign,
                    participant=demo_participant,
                    kind=kind,
                    theme=themes[theme_slug],
                    title=title,
                    body=body,
                    geometry=geometry_from_geojson(geojson),
                    language="fi",
                )
                # Neighbours answer and support the drawn ones, so the demo shows both.
                for number, text in enumerate(DEMO_COMMENTS):
                    neighbour, _ = Participant.objects.get_or_create(
                        token_hash=f"demo-neighbour-{number}"
                    )
                    comment_add(contribution=drawn, participant=neighbour, body=text)
                    support_add(contribution=drawn, participant=neighbour)
                existing.add(title)
                created += 1

        self.stdout.write(
            self.style.SUCCESS(
                f"Tesoma demo ready: areas {tampere.slug}, {tesoma.slug}; "
                f"campaign {campaign.slug} with {len(themes)} themes; "
                f"{created} contributions created, "
                f"{len(CONTRIBUTIONS) + len(DRAWN_CONTRIBUTIONS) - created} already there."
            )
        )
        self.stdout.write(f"Open /campaigns/{campaign.slug}/")
        self._toolkit()
        self._pilots(campaign)
        self.stdout.write("Demo accounts (development only; sign in at /accounts/login/):")
        for email, password, kind, _title, _unit in DEMO_OFFICIALS:
            self.stdout.write(f"  {kind:12} {email} / {password}")
        email, password = DEMO_ORGANISATION_MEMBER
        self.stdout.write(f"  {'organisation':12} {email} / {password}")
        email, password = DEMO_EDITOR
        self.stdout.write(f"  {'editor':12} {email} / {password}")
