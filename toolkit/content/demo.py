"""Starting content for the toolkit: method cards and stories written for Yhdessä and Tesoma.

Tesoma, the 1960s-70s suburb in western Tampere around the Länsikeskus shopping centre, is the
demo area. The cards follow the three phases of local development work (planning, running,
evaluating) and the themes of the Tesoma charrette; the stories are invented but modelled on
Finnish suburb renewal practice, and name no private persons. Every text is written in Finnish,
Swedish and English (not word for word) as Markdown.

`toolkit_demo_load()` creates or updates all of it by slug, published; running it again changes
nothing. `CAPTIONS_VTT_EN` holds captions for the first story's (imagined) video clip.
"""

from typing import Any

from django.contrib.gis.geos import Point
from django.db import transaction
from django.utils import translation

from toolkit.models import Audience, Effort, MethodCard, Phase, Publication, Story, ToolkitTheme
from toolkit.translation import CARD_FIELDS, STORY_FIELDS

LANGUAGES = ("fi", "sv", "en")
# The story's place name is written per language too; while the model keeps it in one column,
# that column gets the Finnish name (and the columns per language once it is translated).
STORY_TEXT_FIELDS = tuple(dict.fromkeys((*STORY_FIELDS, "place_name")))

METHOD_CARDS: tuple[dict[str, Any], ...] = (
    {
        "slug": "stakeholder-mapping",
        "phase": Phase.PLANNING,
        "themes": [ToolkitTheme.BUSINESS, ToolkitTheme.INFORMATION, ToolkitTheme.TOGETHER],
        "audiences": [Audience.OFFICIALS, Audience.ASSOCIATIONS, Audience.BUSINESSES],
        "time_effort": Effort.LOW,
        "people_effort": Effort.LOW,
        "cost_effort": Effort.LOW,
        "related": ["charrette", "map-survey", "open-space-meeting", "neighbourhood-office-hours"],
        "fi": {
            "title": "Sidosryhmäkartta",
            "summary": (
                "Piirrä yhdelle arkille, ketkä alueella asuvat, toimivat ja vaikuttavat, mikä "
                "heille on tärkeää ja miten heidät tavoittaa. Kartta näyttää, kenen ääni "
                "vielä puuttuu, ennen kuin kutsut ketään mukaan."
            ),
            "purpose": (
                "Kehittämishanke puhuu helposti samojen kahdenkymmenen aktiivin kanssa. "
                "Kartta tuo näkyviin, keitä muita asia koskee: Länsikeskuksen kauppiaat, "
                "taloyhtiöiden hallitukset, seurakunta, urheiluseurat, koulut, "
                "maahanmuuttajayhdistykset ja nuoret, jotka viettävät aikaa kauppakeskuksen "
                "käytävillä. Kartasta tulee kutsulista ja viestintäsuunnitelma."
            ),
            "when_to_use": (
                "Hankkeen alussa ennen ensimmäistä avointa tilaisuutta ja uudelleen, kun "
                "suunnittelet kokeilua tiettyyn paikkaan. Päivitä kartta jokaisen ison "
                "tilaisuuden jälkeen: ketkä tulivat ja ketkä eivät?"
            ),
            "steps": (
                "1. Kokoa 3–6 ihmistä, jotka tuntevat alueen eri suunnista, esimerkiksi "  # noqa: RUF001
                "aluekoordinaattori, nuorisotyöntekijä, isännöitsijä ja aktiivinen asukas.\n"
                "2. Piirrä isolle paperille kaksi akselia: kuinka paljon asia koskettaa "
                "toimijaa ja kuinka paljon toimija voi siihen vaikuttaa.\n"
                "3. Kirjoita jokainen ryhmä, yhteisö ja yritys omalle lapulleen ja sijoita se "
                "kartalle. Nimeä oikeat toimijat, älä kirjoita vain ”asukkaat”.\n"
                "4. Merkitse eri värillä ryhmät, joiden ääni kuuluu harvoin: nuoret, yksin "
                "asuvat ikäihmiset, vieraskieliset asukkaat ja pienyrittäjät, joilla ei ole "
                "aikaa kokouksiin.\n"
                "5. Sovi jokaiselle lapulle tapa tavoittaa (paikka, kanava tai luotettu "
                "ihminen) ja se, kuka tiimistä hoitaa yhteydenoton.\n"
                "6. Valokuvaa kartta, siirrä se yhteiseen taulukkoon ja sovi päivä, jolloin "
                "katsotte sen uudelleen."
            ),
            "time_and_people": (
                "- Aika: 1,5–2 tuntia ja tunti puhtaaksikirjoitukseen.\n"  # noqa: RUF001
                "- Ihmiset: vetäjä ja 3–6 aluetta tuntevaa.\n"  # noqa: RUF001
                "- Kustannukset: pienet: paperia, tarralappuja ja kahvit."
            ),
            "watch_out": (
                "- Kartta on vain niin hyvä kuin sen piirtäjät. Jos kaikki ovat kaupungilta, "
                "kutsu mukaan vähintään yksi asukas ja yksi yrittäjä.\n"
                "- Älä tallenna kartalle yksityishenkilöiden tietoja. Nimeä ryhmiä ja "
                "yhteisöjä.\n"
                "- Nimi kartalla ei vielä ole osallistumista. Sovi jokaiselle ryhmälle "
                "ensimmäinen yhteydenotto."
            ),
            "evaluation": (
                "Vertaa karttaa siihen, ketkä todella osallistuivat.\n"
                "\n"
                "- Kuinka suuri osa kartoitetuista ryhmistä tavoitettiin vähintään kerran "
                "(tavoite esimerkiksi 70 %).\n"
                "- Kuinka moni harvoin kuuluvaksi merkitty ryhmä osallistui tilaisuuteen tai "
                "kyselyyn.\n"
                "- Kuinka monta uutta toimijaa kartalle lisättiin ensimmäisen version jälkeen "
                "(merkki siitä, että kartta elää)."
            ),
        },
        "sv": {
            "title": "Intressentkarta",
            "summary": (
                "Rita på ett ark vilka som bor, arbetar och verkar i området, vad som är "
                "viktigt för dem och hur man når dem. Kartan visar vems röst som saknas innan "
                "du bjuder in någon."
            ),
            "purpose": (
                "Ett utvecklingsprojekt pratar lätt med samma tjugo aktiva personer. Kartan "
                "synliggör vilka fler som berörs: handlarna i Länsikeskus, styrelserna i "
                "bostadsbolagen, församlingen, idrottsföreningarna, skolorna, "
                "invandrarföreningarna och de unga som håller till i köpcentrets korridorer. "
                "Kartan blir en inbjudningslista och en kommunikationsplan."
            ),
            "when_to_use": (
                "I början av projektet innan det första öppna evenemanget, och på nytt när du "
                "planerar ett försök på en viss plats. Uppdatera kartan efter varje större "
                "evenemang: vilka kom och vilka kom inte?"
            ),
            "steps": (
                "1. Samla 3–6 personer som känner området från olika håll, till exempel "  # noqa: RUF001
                "områdeskoordinatorn, en ungdomsarbetare, en disponent och en aktiv "
                "invånare.\n"
                "2. Rita två axlar på ett stort papper: hur mycket frågan berör aktören och "
                "hur mycket aktören kan påverka den.\n"
                "3. Skriv varje grupp, organisation och företag på en egen lapp och placera "
                "den på kartan. Namnge verkliga aktörer, skriv inte bara ”invånarna”.\n"
                "4. Markera med en annan färg grupper som sällan hörs: unga, äldre som bor "
                "ensamma, invånare med ett annat modersmål än finska eller svenska och "
                "småföretagare som inte hinner gå på möten.\n"
                "5. Kom överens om hur ni når varje grupp (en plats, en kanal eller en person "
                "de litar på) och vem i teamet som tar kontakt.\n"
                "6. Fotografera kartan, för in den i en gemensam tabell och bestäm när ni ser "
                "över den igen."
            ),
            "time_and_people": (
                "- Tid: 1,5–2 timmar plus en timme för renskrivning.\n"  # noqa: RUF001
                "- Personer: en processledare och 3–6 personer som känner området.\n"  # noqa: RUF001
                "- Kostnader: små: papper, post it-lappar och kaffe."
            ),
            "watch_out": (
                "- Kartan är bara så bra som de som ritar den. Om alla kommer från staden, "
                "bjud in minst en invånare och en företagare.\n"
                "- Spara inga uppgifter om privatpersoner på kartan. Namnge grupper och "
                "organisationer.\n"
                "- Ett namn på kartan är ännu inte delaktighet. Kom överens om den första "
                "kontakten med varje grupp."
            ),
            "evaluation": (
                "Jämför kartan med vilka som faktiskt deltog.\n"
                "\n"
                "- Hur stor andel av de kartlagda grupperna som nåddes minst en gång (mål "
                "till exempel 70 %).\n"
                "- Hur många av grupperna som markerats som sällan hörda som deltog i ett "
                "evenemang eller en enkät.\n"
                "- Hur många nya aktörer som lagts till efter den första versionen (ett "
                "tecken på att kartan lever)."
            ),
        },
        "en": {
            "title": "Stakeholder map",
            "summary": (
                "Draw on one sheet who lives, works and acts in the area, what matters to "
                "them and how to reach them. The map shows whose voice is still missing "
                "before you invite anyone."
            ),
            "purpose": (
                "A development project easily ends up talking to the same twenty active "
                "people. The map makes visible who else is affected: the Länsikeskus "
                "shopkeepers, housing company boards, the parish, sports clubs, schools, "
                "immigrant associations and the young people who spend time in the shopping "
                "centre's corridors. The map becomes your invitation list and communication "
                "plan."
            ),
            "when_to_use": (
                "At the very start of a project, before the first public event, and again "
                "when you plan a pilot for a specific place. Update the map after every big "
                "event: who came and who did not?"
            ),
            "steps": (
                "1. Gather 3–6 people who know the area from different angles, for example "  # noqa: RUF001
                "the area coordinator, a youth worker, a property manager and an active "
                "resident.\n"
                "2. Draw two axes on a large sheet: how strongly the matter affects each "
                "party, and how much the party can influence it.\n"
                "3. Write each group, organisation and business on its own sticky note and "
                "place it on the sheet. Name real actors rather than 'residents' in "
                "general.\n"
                "4. Mark in another colour the groups that are rarely heard: young people, "
                "older people living alone, residents whose first language is not Finnish or "
                "Swedish, and small business owners with no time for meetings.\n"
                "5. For each note, agree on how to reach the group (a place, a channel or a "
                "trusted person) and who in the team makes the first contact.\n"
                "6. Photograph the map, copy it into a shared table and set a date to review "
                "it."
            ),
            "time_and_people": (
                "- Time: 1.5–2 hours, plus an hour to type it up.\n"  # noqa: RUF001
                "- People: a facilitator and 3–6 people who know the area.\n"  # noqa: RUF001
                "- Cost: low: paper, sticky notes and coffee."
            ),
            "watch_out": (
                "- The map is only as good as the people who draw it. If everyone works for "
                "the city, invite at least one resident and one business owner.\n"
                "- Do not store data about private persons on the map. Name groups and "
                "organisations.\n"
                "- A name on the map is not yet participation. Agree on the first contact "
                "with each group."
            ),
            "evaluation": (
                "Compare the map with who actually took part.\n"
                "\n"
                "- Share of the mapped groups reached at least once (target, for example, "
                "70%).\n"
                "- Number of groups marked as rarely heard that took part in an event or a "
                "survey.\n"
                "- Number of new actors added after the first version (a sign that the map is "
                "kept alive)."
            ),
        },
    },
    {
        "slug": "charrette",
        "phase": Phase.PLANNING,
        "themes": [
            ToolkitTheme.YOUNG_PEOPLE,
            ToolkitTheme.BUSINESS,
            ToolkitTheme.ROUTES,
            ToolkitTheme.INFORMATION,
            ToolkitTheme.TOGETHER,
        ],
        "audiences": [
            Audience.RESIDENTS,
            Audience.OFFICIALS,
            Audience.BUSINESSES,
            Audience.ASSOCIATIONS,
            Audience.YOUNG_PEOPLE,
        ],
        "time_effort": Effort.HIGH,
        "people_effort": Effort.HIGH,
        "cost_effort": Effort.HIGH,
        "related": [
            "stakeholder-mapping",
            "walking-workshop",
            "map-survey",
            "open-space-meeting",
            "you-said-we-did",
        ],
        "fi": {
            "title": "Monipäiväinen charrette",
            "summary": (
                "Kolmesta viiteen päivää kestävä tiivis suunnittelutapahtuma, jossa asukkaat, "
                "viranhaltijat, yritykset ja suunnittelijat työskentelevät samassa avoimessa "
                "tilassa. Ideoista syntyy yhteiset arvot, teemat ja ensimmäiset luonnokset, "
                "jotka esitellään joka ilta kaikille."
            ),
            "purpose": (
                "Charrette tiivistää kuukausien kokoukset muutamaan päivään. Kun "
                "suunnittelijat työskentelevät keskellä asuinaluetta, esimerkiksi "
                "Länsikeskuksen tyhjässä liiketilassa, ja ovet ovat auki, asukas voi poiketa "
                "asioinnin lomassa, nähdä ideansa piirrettynä ja korjata sitä seuraavana "
                "päivänä. Tesomalla charretten tuloksena syntyivät yhteiset arvot – yhdessä "  # noqa: RUF001
                "tekeminen, luonnosta huolehtiminen, liikkeelle saaminen ja lähipalvelut – "  # noqa: RUF001
                "sekä viisi teemaa, jotka ohjaavat työtä yhä."
            ),
            "when_to_use": (
                "Kun koko alueen kehittämisen suunta on auki ja tarvitset yhteisen "
                "lähtökohdan, jonka taakse moni toimija voi asettua. Yhden kadun tai "
                "yksittäisen päätöksen valmisteluun menetelmä on liian raskas. Aloita "
                "suunnittelu 3–4 kuukautta etukäteen."  # noqa: RUF001
            ),
            "steps": (
                "1. Kokoa pieni ydintiimi (kaupunki, suunnittelija ja yksi tai kaksi asukasta "
                "tai yhdistystä) ja muotoilkaa kysymys: millainen alueen pitäisi olla "
                "kymmenen vuoden päästä ja mitä kokeilemme ensin?\n"
                "2. Varaa koko ajaksi näkyvä ja esteetön tila alueen sydämestä. Tilassa "
                "tarvitaan seiniä, joille voi kiinnittää papereita, ja kahvinurkkaus.\n"
                "3. Kokoa tausta-aineisto etukäteen: tilastot, asukaskyselyjen tulokset, "
                "sidosryhmäkartta ja havainnot kävelykierrokselta. Tulosta kartat isoina.\n"
                "4. Ensimmäinen päivä on avoin ilta. Kerro, mitä jo tiedetään, ja pyydä "
                "osallistujia merkitsemään kartoille, mitä he arvostavat ja minkä pitäisi "
                "muuttua.\n"
                "5. Päivinä 2–3 teemaryhmät työskentelevät päivällä ja suunnittelijat "  # noqa: RUF001
                "luonnostelevat. Joka ilta luonnokset esitellään, ja kuka tahansa voi "
                "kommentoida niitä.\n"
                "6. Sopikaa viimeisenä päivänä yhteiset arvot, teemat ja 5–10 ensimmäistä "  # noqa: RUF001
                "toimenpidettä, joille jokaiselle nimetään vastuutaho. Kirjoittakaa ne heti "
                "selkeällä kielellä.\n"
                "7. Julkaise tulokset alustalla kahden viikon kuluessa ja kerro "
                "osallistujille, mitä seuraavaksi tapahtuu."
            ),
            "time_and_people": (
                "- Aika: 3–5 päivää paikan päällä, 3–4 kuukautta valmistelua ja 2 viikkoa "  # noqa: RUF001
                "raportointia.\n"
                "- Ihmiset: 3–5 hengen ydintiimi, 2–4 suunnittelijaa tai fasilitaattoria ja "  # noqa: RUF001
                "kaupungin yksiköiden asiantuntijat tarvittaessa. Osallistujia on päivien "
                "aikana yhteensä 100–400.\n"  # noqa: RUF001
                "- Kustannukset: suuret: tilavuokra, suunnittelijoiden palkkiot, materiaalit, "
                "tarjoilut ja tarvittaessa tulkkaus (tyypillisesti 15 000–40 000 euroa)."  # noqa: RUF001
            ),
            "watch_out": (
                "- Avoimet ovet eivät riitä. Tavoita sidosryhmäkartalla merkityt ryhmät itse: "
                "käy charretten aikana koululla, nuorisotalolla ja taloyhtiön "
                "kerhohuoneessa.\n"
                "- Päiväsaikaan järjestetyt tilaisuudet sulkevat pois työssäkäyvät. Pidä "
                "luonnosten esittelyt illalla ja ainakin yksi tilaisuus viikonloppuna.\n"
                "- Älä lupaa sellaista, mistä kaupunki ei voi päättää. Merkitse selvästi "
                "ideat, jotka vaativat poliittisen päätöksen tai rahaa.\n"
                "- Into hiipuu nopeasti. Käynnistä vähintään yksi pieni ja näkyvä toimenpide "
                "kuukauden sisällä."
            ),
            "evaluation": (
                "Arvioi sekä itse tapahtumaa että sitä, mitä se sai liikkeelle.\n"
                "\n"
                "- Osallistujat päivittäin sekä heidän jakaumansa ikäryhmittäin ja alueen "
                "osittain (kysy ovella postinumero ja ikäryhmä).\n"
                "- Iltaesittelyissä luonnoksiin annettujen kommenttien määrä.\n"
                "- Niiden osallistujien osuus, jotka kertovat lyhyellä palautekortilla "
                "näkemyksensä tulleen kuulluksi (tavoite vähintään 75 %).\n"
                "- Tilanne 6 ja 12 kuukauden kuluttua: kuinka moni sovituista ensimmäisistä "
                "toimenpiteistä on käynnissä tai valmis."
            ),
        },
        "sv": {
            "title": "Charrette över flera dagar",
            "summary": (
                "Ett intensivt planeringsevenemang på tre till fem dagar där invånare, "
                "tjänstemän, företag och planerare arbetar i samma öppna lokal. Idéerna blir "
                "gemensamma värden, teman och första skisser som visas för alla varje kväll."
            ),
            "purpose": (
                "En charrette pressar ihop månader av möten till några dagar. När planerarna "
                "arbetar mitt i bostadsområdet, till exempel i en tom affärslokal i "
                "Länsikeskus, och dörrarna står öppna, kan invånarna titta in mellan "
                "ärendena, se sin idé ritad och rätta den följande dag. I Tesoma gav "
                "charretten de gemensamma värdena – att göra tillsammans, att värna om "  # noqa: RUF001
                "naturen, att få folk i rörelse och närservice – och de fem teman som "  # noqa: RUF001
                "fortfarande styr arbetet."
            ),
            "when_to_use": (
                "När riktningen för ett helt område är öppen och ni behöver en gemensam "
                "utgångspunkt som många aktörer kan ställa sig bakom. För en enskild gata "
                "eller ett enskilt beslut är metoden för tung. Börja planera 3–4 månader i "  # noqa: RUF001
                "förväg."
            ),
            "steps": (
                "1. Bilda ett litet kärnteam (staden, en planerare och en eller två invånare "
                "eller föreningar) och formulera frågan: hur ska området se ut om tio år och "
                "vad prövar vi först?\n"
                "2. Boka en synlig och tillgänglig lokal i hjärtat av området för hela "
                "perioden, med väggar där man kan fästa papper och ett kaffehörn.\n"
                "3. Samla bakgrundsmaterial i förväg: statistik, resultat från "
                "invånarenkäter, intressentkartan och iakttagelser från en promenad i "
                "området. Skriv ut kartorna i stort format.\n"
                "4. Den första dagen är en öppen kväll. Berätta vad man redan vet och be "
                "deltagarna markera på kartorna vad de värdesätter och vad som borde "
                "ändras.\n"
                "5. Dag 2–3 arbetar temagrupperna på dagen och planerarna skissar. Varje "  # noqa: RUF001
                "kväll visas skisserna och vem som helst kan kommentera dem.\n"
                "6. Kom den sista dagen överens om gemensamma värden, teman och 5–10 första "  # noqa: RUF001
                "åtgärder med en namngiven ansvarig för varje. Skriv ner dem på klarspråk "
                "direkt.\n"
                "7. Publicera resultaten på plattformen inom två veckor och berätta för "
                "deltagarna vad som händer härnäst."
            ),
            "time_and_people": (
                "- Tid: 3–5 dagar på plats, 3–4 månader förberedelser och 2 veckor "  # noqa: RUF001
                "rapportering.\n"
                "- Personer: ett kärnteam på 3–5 personer, 2–4 planerare eller processledare "  # noqa: RUF001
                "och experter från stadens enheter vid behov. Under dagarna deltar sammanlagt "
                "100–400 personer.\n"  # noqa: RUF001
                "- Kostnader: stora: lokalhyra, planerarnas arvoden, material, servering och "
                "vid behov tolkning (vanligen 15 000–40 000 euro)."  # noqa: RUF001
            ),
            "watch_out": (
                "- Öppna dörrar räcker inte. Sök själv upp de grupper som intressentkartan "
                "pekade ut: besök skolan, ungdomsgården och ett bostadsbolags klubbrum under "
                "charretten.\n"
                "- Evenemang dagtid stänger ute dem som arbetar. Håll visningarna av "
                "skisserna på kvällen och minst ett tillfälle under veckoslutet.\n"
                "- Lova inte sådant som staden inte kan besluta om. Märk tydligt ut idéer som "
                "kräver politiska beslut eller pengar.\n"
                "- Entusiasmen falnar snabbt. Sätt i gång minst en liten och synlig åtgärd "
                "inom en månad."
            ),
            "evaluation": (
                "Utvärdera både själva evenemanget och vad det satte i gång.\n"
                "\n"
                "- Antal deltagare per dag och hur de fördelar sig på åldersgrupper och delar "
                "av området (fråga efter postnummer och åldersgrupp vid dörren).\n"
                "- Antal kommentarer på skisserna vid kvällsvisningarna.\n"
                "- Andelen deltagare som på ett kort svarskort säger att deras synpunkter "
                "blev hörda (mål minst 75 %).\n"
                "- Läget efter 6 och 12 månader: hur många av de överenskomna första "
                "åtgärderna som har påbörjats eller är klara."
            ),
        },
        "en": {
            "title": "Multi-day charrette",
            "summary": (
                "An intensive design event of three to five days where residents, officials, "
                "businesses and designers work in the same open space. Ideas become shared "
                "values, themes and first sketches, shown to everyone every evening."
            ),
            "purpose": (
                "A charrette compresses months of meetings into a few days. When the "
                "designers work in the middle of the neighbourhood, for example in an empty "
                "shop unit at Länsikeskus, and the doors are open, residents can drop in "
                "between errands, see their idea drawn and correct it the next day. In Tesoma "
                "the charrette produced the shared values – doing together, caring for "  # noqa: RUF001
                "nature, getting people moving and local services – and the five themes that "  # noqa: RUF001
                "still steer the work."
            ),
            "when_to_use": (
                "When the development direction of a whole area is open and you need a common "
                "starting point that many parties can stand behind. It is too heavy for "
                "preparing a single street or a single decision. Start planning 3–4 months "  # noqa: RUF001
                "ahead."
            ),
            "steps": (
                "1. Form a small core team (the city, a designer and one or two residents or "
                "associations) and set the question: what should the area be like in ten "
                "years, and what do we try first?\n"
                "2. Book a visible, accessible space in the heart of the area for the whole "
                "period, with walls for pinning up paper and a corner for coffee.\n"
                "3. Gather background material in advance: statistics, resident survey "
                "results, the stakeholder map and observations from a walk around the area. "
                "Print the maps in large format.\n"
                "4. Day 1 is an open evening. Tell what is already known and ask participants "
                "to mark on the maps what they value and what should change.\n"
                "5. On days 2–3, theme groups work during the day and the designers sketch. "  # noqa: RUF001
                "Every evening the sketches are shown and anyone can comment on them.\n"
                "6. On the last day, agree on shared values, themes and 5–10 first actions, "  # noqa: RUF001
                "each with a named owner. Write them down in plain language on the spot.\n"
                "7. Publish the results on the platform within two weeks and tell "
                "participants what happens next."
            ),
            "time_and_people": (
                "- Time: 3–5 days on site, 3–4 months of preparation and 2 weeks of "  # noqa: RUF001
                "reporting.\n"
                "- People: a core team of 3–5, 2–4 designers or facilitators and experts from "  # noqa: RUF001
                "city units on call. Over the days, 100–400 people take part in total.\n"  # noqa: RUF001
                "- Cost: high: space rental, designers' fees, materials, catering and "
                "interpreting if needed (typically 15,000–40,000 euros)."  # noqa: RUF001
            ),
            "watch_out": (
                "- Open doors are not enough. Go and find the groups the stakeholder map "
                "flagged: visit the school, the youth centre and a housing company's club "
                "room during the charrette.\n"
                "- Daytime sessions leave out people who work. Hold the evening showings in "
                "the evening and at least one session at the weekend.\n"
                "- Do not promise what the city cannot decide. Clearly mark ideas that need a "
                "political decision or money.\n"
                "- Energy fades fast. Start at least one small, visible action within a "
                "month."
            ),
            "evaluation": (
                "Evaluate both the event itself and what it set in motion.\n"
                "\n"
                "- Participants per day and their spread by age group and part of the area "
                "(ask for postcode and age group at the door).\n"
                "- Number of comments on the sketches at the evening showings.\n"
                "- Share of participants who say on a short exit card that their view was "
                "heard (target at least 75%).\n"
                "- After 6 and 12 months: how many of the agreed first actions have started "
                "or are done."
            ),
        },
    },
    {
        "slug": "map-survey",
        "phase": Phase.PLANNING,
        "themes": [ToolkitTheme.INFORMATION, ToolkitTheme.ROUTES, ToolkitTheme.TOGETHER],
        "audiences": [Audience.RESIDENTS, Audience.YOUNG_PEOPLE, Audience.OFFICIALS],
        "time_effort": Effort.LOW,
        "people_effort": Effort.LOW,
        "cost_effort": Effort.LOW,
        "related": [
            "walking-workshop",
            "stakeholder-mapping",
            "you-said-we-did",
            "evaluation-by-measures",
        ],
        "fi": {
            "title": "Nopea karttakysely",
            "summary": (
                "Asukkaat merkitsevät kartalle paikkoja, ongelmia ja ideoita puhelimellaan "
                "tai kyselypisteellä 2–4 viikon ajan. Saat nopeasti paikkoihin sidottua, "  # noqa: RUF001
                "vertailukelpoista tietoa, ja tulokset voi näyttää takaisin samalla kartalla."
            ),
            "purpose": (
                "Karttakysely vastaa kysymykseen missä: mitkä risteykset tuntuvat "
                "turvattomilta, missä nuoret haluaisivat viettää aikaa ja mitä oikoreittejä "
                "ihmiset oikeasti käyttävät. Koska vastaaminen vie vain muutaman minuutin, "
                "kysely tavoittaa ihmisiä, jotka eivät koskaan tule kokoukseen. "
                "Yhdessä-alustalla merkinnät jäävät näkyviin, ja jokainen saa tilan, kun "
                "kaupunki on käsitellyt sen."
            ),
            "when_to_use": (
                "Ennen kävelytyöpajaa tai charrettea, jotta tiedät, minne kannattaa mennä. "
                "Myös silloin, kun valitset paikkaa kokeilulle tai kun konkreettisesta "
                "suunnitelmasta, kuten uudesta reitistä Länsikeskukseen, tarvitaan nopeasti "
                "palautetta. Pidä kysely lyhyenä ja auki 2–4 viikkoa."  # noqa: RUF001
            ),
            "steps": (
                "1. Kirjoita selkeällä kielellä yksi pääkysymys ja 3–5 merkintätyyppiä, "  # noqa: RUF001
                "esimerkiksi ”Pidän tästä paikasta”, ”Tämä pitäisi korjata”, ”Idea” ja "
                "”Turvaton reitti”.\n"
                "2. Rajaa kyselyalue kartalle ja sovi, kuka lukee merkinnät, kuinka usein ja "
                "miten kunkin merkinnän tila päivitetään.\n"
                "3. Testaa kysely viidellä ihmisellä, joista yksi on ikäihminen ja yksi "
                "teini-ikäinen. Korjaa kohdat, jotka hämmensivät heitä.\n"
                "4. Kerro kyselystä siellä, missä ihmiset jo ovat: Länsikeskuksen "
                "ilmoitustauluilla, kirjastossa, koulujen viestikanavissa, taloyhtiöiden "
                "porraskäytävissä ja yhdistysten somessa. Lisää QR-koodi.\n"
                "5. Järjestä 2–3 kyselypistettä tabletteineen (kauppakeskus, koulun "  # noqa: RUF001
                "tapahtuma, terveysaseman aula) niille, jotka eivät käytä älypuhelinta.\n"
                "6. Lue uudet merkinnät kyselyn aikana vähintään kerran viikossa ja hoida "
                "selvät asiat heti: rikkinäinen katuvalo menee suoraan kunnossapitoon.\n"
                "7. Kun kysely sulkeutuu, ryhmittele merkinnät teemoittain ja paikoittain, "
                "julkaise lyhyt yhteenveto karttoineen ja kerro, mitä seuraavaksi tapahtuu."
            ),
            "time_and_people": (
                "- Aika: viikko valmistelua, 2–4 viikkoa vastausaikaa ja viikko analyysia.\n"  # noqa: RUF001
                "- Ihmiset: yksi vastuullinen projektityöntekijä ja kaksi ihmistä kuhunkin "
                "kyselypisteen vuoroon.\n"
                "- Kustannukset: pienet, jos alusta on valmiina: julisteet, esitteet ja pari "
                "tablettia."
            ),
            "watch_out": (
                "- Karttakysely suosii niitä, joille kartat ja puhelimet ovat tuttuja. "
                "Tasapainota kyselypisteillä sekä kirjastojen ja yhdistysten avulla.\n"
                "- Kysy mahdollisimman vähän henkilötietoja: ikäryhmä ja postinumero "
                "riittävät yleensä.\n"
                "- Merkinnät kertovat, missä, mutta eivät miksi. Selvitä merkintäkeskittymien "
                "taustat kävelytyöpajassa tai lyhyillä haastatteluilla.\n"
                "- Älä anna merkintöjen odottaa lukemattomina. Hiljainen kartta viestii "
                "asukkaille, ettei kukaan kuuntele."
            ),
            "evaluation": (
                "Mittaa tavoittavuutta, laatua ja sitä, mitä palautteella tehtiin.\n"
                "\n"
                "- Vastaajien ja merkintöjen määrä sekä vastaajien jakauma ikäryhmittäin ja "
                "postinumeroittain verrattuna alueen väestöön.\n"
                "- Niiden merkintöjen osuus, jotka saivat tilan kahden viikon kuluessa "
                "(tavoite 100 %).\n"
                "- Niiden merkintöjen määrä, jotka johtivat korjaukseen, kokeiluun tai "
                "suunnitelman muutokseen, raportoituna puolen vuoden päästä.\n"
                "- Vastaajien arvio kyselyn helppoudesta asteikolla 1–5 kyselyn viimeisellä "  # noqa: RUF001
                "sivulla."
            ),
        },
        "sv": {
            "title": "Snabb kartenkät",
            "summary": (
                "Invånarna markerar platser, problem och idéer på kartan i mobilen eller vid "
                "en enkätstation under 2–4 veckor. Du får snabbt jämförbar information knuten "  # noqa: RUF001
                "till platser och kan visa resultaten på samma karta."
            ),
            "purpose": (
                "En kartenkät svarar på frågan var: vilka korsningar känns otrygga, var de "
                "unga vill vara och vilka genvägar folk faktiskt använder. Eftersom det bara "
                "tar några minuter att svara når enkäten människor som aldrig kommer på "
                "möten. På Yhdessä-plattformen förblir markeringarna synliga och var och en "
                "får en status när staden har behandlat den."
            ),
            "when_to_use": (
                "Före en promenadverkstad eller en charrette, så att du vet vart ni ska gå. "
                "Också när du väljer plats för ett försök eller när en konkret plan, till "
                "exempel en ny rutt till Länsikeskus, behöver snabb respons. Håll enkäten "
                "kort och öppen i 2–4 veckor."  # noqa: RUF001
            ),
            "steps": (
                "1. Skriv på klarspråk en huvudfråga och 3–5 typer av markeringar, till "  # noqa: RUF001
                "exempel ”Jag tycker om den här platsen”, ”Det här borde åtgärdas”, ”Idé” och "
                "”Otrygg rutt”.\n"
                "2. Avgränsa enkätområdet på kartan och kom överens om vem som läser "
                "markeringarna, hur ofta och hur varje markerings status uppdateras.\n"
                "3. Testa enkäten med fem personer, bland dem en äldre person och en "
                "tonåring. Rätta till det som förvirrade dem.\n"
                "4. Berätta om enkäten där folk redan finns: på anslagstavlorna i "
                "Länsikeskus, på biblioteket, i skolornas meddelandekanaler, i "
                "bostadsbolagens trappuppgångar och i föreningarnas sociala medier. Lägg till "
                "en QR-kod.\n"
                "5. Ordna 2–3 enkätstationer med surfplattor (köpcentret, ett skolevenemang, "  # noqa: RUF001
                "hälsostationens entréhall) för dem som inte använder smarttelefon.\n"
                "6. Läs nya markeringar minst en gång i veckan medan enkäten pågår och sköt "
                "de självklara genast: en trasig gatlykta går direkt till underhållet.\n"
                "7. När enkäten stänger, gruppera markeringarna efter tema och plats, "
                "publicera ett kort sammandrag med karta och berätta vad som händer härnäst."
            ),
            "time_and_people": (
                "- Tid: en vecka förberedelser, 2–4 veckor svarstid och en vecka analys.\n"  # noqa: RUF001
                "- Personer: en ansvarig projektarbetare och två personer per pass vid "
                "enkätstationen.\n"
                "- Kostnader: små om plattformen redan finns: affischer, flygblad och ett par "
                "surfplattor."
            ),
            "watch_out": (
                "- En kartenkät gynnar dem som är vana vid kartor och mobiler. Balansera med "
                "enkätstationer och hjälp från bibliotek och föreningar.\n"
                "- Fråga efter så få personuppgifter som möjligt: åldersgrupp och postnummer "
                "räcker oftast.\n"
                "- Markeringarna säger var men inte varför. Följ upp anhopningarna med en "
                "promenadverkstad eller korta intervjuer.\n"
                "- Låt inte markeringarna vänta olästa. En tyst karta säger invånarna att "
                "ingen lyssnar."
            ),
            "evaluation": (
                "Mät räckvidd, kvalitet och vad som gjordes med svaren.\n"
                "\n"
                "- Antal svarande och markeringar samt hur de svarande fördelar sig på "
                "åldersgrupper och postnummer jämfört med områdets befolkning.\n"
                "- Andelen markeringar som fått en status inom två veckor (mål 100 %).\n"
                "- Antal markeringar som ledde till en reparation, ett försök eller en ändrad "
                "plan, rapporterat efter ett halvår.\n"
                "- De svarandes bedömning av hur lätt enkäten var, på skalan 1–5 på enkätens "  # noqa: RUF001
                "sista sida."
            ),
        },
        "en": {
            "title": "Rapid map survey",
            "summary": (
                "Residents pin places, problems and ideas on a map on their phone or at a "
                "survey stand for 2–4 weeks. You quickly get comparable input tied to places, "  # noqa: RUF001
                "and you can show the results back on the same map."
            ),
            "purpose": (
                "A map survey answers the question 'where?': which crossings feel unsafe, "
                "where young people would like to spend time, which shortcuts people actually "
                "use. Because answering takes only a few minutes, it reaches people who never "
                "come to a meeting. On the Yhdessä platform the pins stay visible, and each "
                "one gets a status once the city has handled it."
            ),
            "when_to_use": (
                "Before a walking workshop or a charrette, so that you know where to go. Also "
                "when choosing a site for a pilot, or when a concrete plan – such as a new "  # noqa: RUF001
                "route to Länsikeskus – needs quick feedback. Keep the survey short and open "  # noqa: RUF001
                "for 2–4 weeks."  # noqa: RUF001
            ),
            "steps": (
                "1. Write one main question and 3–5 pin types in plain language, for example "  # noqa: RUF001
                "'I like this place', 'This needs fixing', 'Idea' and 'Unsafe route'.\n"
                "2. Draw the survey area on the map and agree on who reads the pins, how "
                "often, and how the status of each pin is updated.\n"
                "3. Test the survey with five people, including one older person and one "
                "teenager. Fix whatever confused them.\n"
                "4. Promote it where people already are: the Länsikeskus notice boards, the "
                "library, school messaging channels, housing company stairwells and "
                "associations' social media. Add a QR code.\n"
                "5. Run 2–3 survey stands with tablets (the shopping centre, a school event, "  # noqa: RUF001
                "the health centre lobby) for people who do not use a smartphone.\n"
                "6. Read new pins at least weekly while the survey is open and deal with the "
                "obvious ones at once: a broken streetlight goes straight to maintenance.\n"
                "7. When the survey closes, group the pins by theme and place, publish a "
                "short summary with a map and say what happens next."
            ),
            "time_and_people": (
                "- Time: a week to prepare, 2–4 weeks open and a week to analyse.\n"  # noqa: RUF001
                "- People: one project worker in charge and two people per survey stand "
                "shift.\n"
                "- Cost: low if the platform is ready: posters, flyers and a couple of "
                "tablets."
            ),
            "watch_out": (
                "- A map survey favours people who are at ease with maps and phones. Balance "
                "it with survey stands and help from libraries and associations.\n"
                "- Ask for as little personal data as possible: an age group and a postcode "
                "are usually enough.\n"
                "- Pins tell you where, not why. Follow up the clusters with a walking "
                "workshop or short interviews.\n"
                "- Do not let pins wait unread. A silent map tells residents that nobody is "
                "listening."
            ),
            "evaluation": (
                "Measure reach, quality and what was done with the input.\n"
                "\n"
                "- Number of respondents and pins, and the spread of respondents by age group "
                "and postcode compared with the area's population.\n"
                "- Share of pins that got a status within two weeks (target 100%).\n"
                "- Number of pins that led to a repair, a pilot or a change of plan, reported "
                "six months later.\n"
                "- Respondents' rating of how easy the survey was, on a scale of 1–5 on its "  # noqa: RUF001
                "last page."
            ),
        },
    },
    {
        "slug": "walking-workshop",
        "phase": Phase.PLANNING,
        "themes": [ToolkitTheme.ROUTES, ToolkitTheme.TOGETHER, ToolkitTheme.INFORMATION],
        "audiences": [
            Audience.RESIDENTS,
            Audience.OFFICIALS,
            Audience.YOUNG_PEOPLE,
            Audience.ASSOCIATIONS,
        ],
        "time_effort": Effort.LOW,
        "people_effort": Effort.MEDIUM,
        "cost_effort": Effort.LOW,
        "related": ["map-survey", "charrette", "youth-co-design", "pop-up-pilot"],
        "fi": {
            "title": "Kävelytyöpaja",
            "summary": (
                "Asukkaiden ja viranhaltijoiden ryhmä kävelee ennalta suunnitellun reitin ja "
                "pysähtyy 5–8 paikassa keskustelemaan siitä, mikä toimii ja mitä pitäisi "  # noqa: RUF001
                "muuttaa. Kahdessa tunnissa syntyy paikkoihin sidottuja havaintoja ja "
                "yhteinen ymmärrys."
            ),
            "purpose": (
                "Jotkin asiat ymmärtää vasta paikan päällä: puuttuva reunakiven madallus "
                "matkalla Länsikeskukseen, pimeä alikulku, penkki, jolla ikäihmiset lepäävät, "
                "tai rinne, jota lapset käyttävät pulkkamäkenä. Kun katujen kunnossapidosta "
                "vastaava viranhaltija kävelee saman reitin kuin lastenvaunuja työntävä "
                "vanhempi, keskustelu muuttuu. Kävely myös saa ihmiset liikkeelle, mikä on "
                "yksi Tesoman yhteisistä arvoista."
            ),
            "when_to_use": (
                "Kun kysymykset koskevat reittejä, julkisia tiloja, turvallisuutta tai "
                "esteettömyyttä, ja kun karttakysely on näyttänyt, mihin ongelmat kasautuvat. "
                "Sopii parhaiten keväälle ja syksylle. Talvella suunnittele lyhyempi reitti "
                "ja ota lumityöt tietoisesti puheeksi."
            ),
            "steps": (
                "1. Valitse karttakyselyn merkintöjen tai tunnettujen ongelmien perusteella "
                "1,5–3 kilometrin reitti, jolla on 5–8 pysähdyspaikkaa. Kävele reitti kerran "  # noqa: RUF001
                "itse ja varmista, että se on esteetön.\n"
                "2. Kutsu 10–25 osallistujaa: reittiä päivittäin käyttäviä asukkaita, "  # noqa: RUF001
                "vähintään yksi apuvälineen tai lastenvaunujen kanssa liikkuva, nuoria sekä "
                "paikoista vastaavat viranhaltijat (kadut, puistot, kunnossapito).\n"
                "3. Valmistele reittikartta numeroiduin pysähdyspaikoin ja yhden sivun "
                "havaintolomake: mikä toimii, mikä ei ja yksi idea.\n"
                "4. Jokaisella pysähdyspaikalla vetäjä esittää yhden kysymyksen, esimerkiksi "
                "”Antaisitko lapsesi kulkea tästä yksin pimeällä?”, ja keskustelulle annetaan "
                "5–10 minuuttia. Kirjuri kirjaa ja valokuvaa.\n"  # noqa: RUF001
                "5. Päättäkää kävely lämpimään paikkaan, esimerkiksi Länsikeskuksen "
                "kahvilaan, ja valitkaa yhdessä kolme tärkeintä havaintoa.\n"
                "6. Vie havainnot viikon sisällä alustan kartalle ja kerro osallistujille, "
                "kuka vastaa mistäkin."
            ),
            "time_and_people": (
                "- Aika: kaksi tuntia kävelyä ja keskustelua, puoli päivää valmistelua ja "
                "puoli päivää raportointia.\n"
                "- Ihmiset: vetäjä, kirjuri, 10–25 osallistujaa ja 1–3 paikoista vastaavaa "  # noqa: RUF001
                "viranhaltijaa.\n"
                "- Kustannukset: pienet: tulostetut kartat, kahvit lopuksi ja tarvittaessa "
                "heijastinliivit."
            ),
            "watch_out": (
                "- Tarkista esteettömyys ja tarjoa lyhyempi reitti tai istumapaikkoja matkan "
                "varrelle. Muuten kävely sulkee pois juuri ne, joiden kokemus on tärkein.\n"
                "- Pidä ryhmä niin pienenä, että kaikki kuulevat toisensa. Jos osallistujia "
                "on yli 25, jakautukaa kahteen ryhmään eri reiteille.\n"
                "- Älä anna pysähdysten muuttua viranhaltijoiden luennoiksi. Asukkaat puhuvat "
                "ensin.\n"
                "- Valokuvaa paikkoja. Älä kuvaa ihmisiä ilman heidän lupaansa."
            ),
            "evaluation": (
                "Katso, ketkä kävelivät, mitä löytyi ja mitä korjattiin.\n"
                "\n"
                "- Osallistujien määrä ja se, kuinka moni heistä käyttää reittiä päivittäin, "
                "sekä paikalla olleiden viranhaltijoiden määrä.\n"
                "- Kirjattujen paikkaan sidottujen havaintojen määrä ja se, kuinka moni "
                "niistä oli uusi karttakyselyyn verrattuna.\n"
                "- Niiden havaintojen määrä, jotka johtivat korjaukseen tai päätökseen puolen "
                "vuoden sisällä.\n"
                "- Osallistujien vastaus lopuksi yhteen kysymykseen: opitko jotain uutta "
                "alueesta (kyllä / osittain / en)?"
            ),
        },
        "sv": {
            "title": "Promenadverkstad",
            "summary": (
                "En grupp invånare och tjänstemän går en planerad rutt genom området och "
                "stannar på 5–8 platser för att diskutera vad som fungerar och vad som borde "  # noqa: RUF001
                "ändras. På två timmar får ni platsbundna iakttagelser och en gemensam "
                "förståelse."
            ),
            "purpose": (
                "Vissa saker förstår man bara på plats: kantstenen som saknar nedfasning på "
                "vägen till Länsikeskus, den mörka gångtunneln, bänken där äldre vilar eller "
                "backen där barnen åker pulka. När den tjänsteman som ansvarar för "
                "gatuunderhållet går samma rutt som en förälder med barnvagn förändras "
                "samtalet. Promenaden får också folk i rörelse, vilket är ett av Tesomas "
                "gemensamma värden."
            ),
            "when_to_use": (
                "När frågorna gäller rutter, offentliga platser, trygghet eller "
                "tillgänglighet, och när en kartenkät har visat var problemen hopar sig. "
                "Passar bäst på våren och hösten. På vintern planerar du en kortare rutt och "
                "tar medvetet upp snöröjningen."
            ),
            "steps": (
                "1. Välj utgående från kartenkätens markeringar eller kända problem en rutt "
                "på 1,5–3 kilometer med 5–8 stopp. Gå rutten en gång själv och kontrollera "  # noqa: RUF001
                "att den är tillgänglig.\n"
                "2. Bjud in 10–25 deltagare: invånare som använder rutten dagligen, minst en "  # noqa: RUF001
                "person som rör sig med hjälpmedel eller barnvagn, unga samt de tjänstemän "
                "som ansvarar för platserna (gator, parker, underhåll).\n"
                "3. Förbered en ruttkarta med numrerade stopp och en blankett på en sida för "
                "iakttagelser: vad fungerar, vad fungerar inte och en idé.\n"
                "4. Vid varje stopp ställer värden en fråga, till exempel ”Skulle du låta "
                "ditt barn gå här ensamt när det är mörkt?”, och samtalet får 5–10 minuter. "  # noqa: RUF001
                "En sekreterare antecknar och fotograferar.\n"
                "5. Avsluta promenaden på ett varmt ställe, till exempel ett kafé i "
                "Länsikeskus, och välj tillsammans de tre viktigaste iakttagelserna.\n"
                "6. För in iakttagelserna på plattformens karta inom en vecka och berätta för "
                "deltagarna vem som ansvarar för vad."
            ),
            "time_and_people": (
                "- Tid: två timmar promenad och samtal, en halv dag förberedelser och en halv "
                "dag rapportering.\n"
                "- Personer: en värd, en sekreterare, 10–25 deltagare och 1–3 tjänstemän som "  # noqa: RUF001
                "ansvarar för platserna.\n"
                "- Kostnader: små: utskrivna kartor, kaffe efteråt och vid behov "
                "reflexvästar."
            ),
            "watch_out": (
                "- Kontrollera tillgängligheten och erbjud en kortare rutt eller sittplatser "
                "längs vägen. Annars stänger promenaden ute just dem vars erfarenheter är "
                "viktigast.\n"
                "- Håll gruppen så liten att alla hör varandra. Med fler än 25 deltagare "
                "delar ni upp er i två grupper med olika rutter.\n"
                "- Låt inte stoppen bli föreläsningar av tjänstemän. Invånarna talar först.\n"
                "- Fotografera platser. Fotografera inte människor utan deras tillstånd."
            ),
            "evaluation": (
                "Se på vilka som gick med, vad som hittades och vad som åtgärdades.\n"
                "\n"
                "- Antal deltagare och hur många av dem som använder rutten dagligen, samt "
                "antal tjänstemän på plats.\n"
                "- Antal platsbundna iakttagelser som antecknades och hur många av dem som "
                "var nya jämfört med kartenkäten.\n"
                "- Antal iakttagelser som ledde till en reparation eller ett beslut inom ett "
                "halvår.\n"
                "- Deltagarnas svar på en fråga i slutet: lärde du dig något nytt om området "
                "(ja / delvis / nej)?"
            ),
        },
        "en": {
            "title": "Walking workshop",
            "summary": (
                "A group of residents and officials walks a planned route through the area "
                "and stops at 5–8 places to discuss what works and what should change. In two "  # noqa: RUF001
                "hours you get observations tied to places and a shared understanding."
            ),
            "purpose": (
                "Some things are only understood on site: the missing dropped kerb on the way "
                "to Länsikeskus, the dark underpass, the bench where older people rest, the "
                "slope children use for sledging. When the official responsible for street "
                "maintenance walks the same route as a parent pushing a pram, the "
                "conversation changes. Walking also gets people moving, one of Tesoma's "
                "shared values."
            ),
            "when_to_use": (
                "When the questions concern routes, public spaces, safety or accessibility, "
                "and when a map survey has shown where problems cluster. Best in spring and "
                "autumn. In winter, plan a shorter route and raise snow clearing on purpose."
            ),
            "steps": (
                "1. Based on map survey pins or known problems, choose a route of 1.5–3 km "  # noqa: RUF001
                "with 5–8 stops. Walk it once yourself and check that it is accessible.\n"  # noqa: RUF001
                "2. Invite 10–25 participants: residents who use the route daily, at least "  # noqa: RUF001
                "one person with a mobility aid or a pram, young people, and the officials "
                "responsible for the places (streets, parks, maintenance).\n"
                "3. Prepare a route map with numbered stops and a one-page observation sheet: "
                "what works, what does not, and one idea.\n"
                "4. At each stop, the host asks one question – for example 'Would you let "  # noqa: RUF001
                "your child walk here alone after dark?' – and the group talks for 5–10 "  # noqa: RUF001
                "minutes. A note-taker writes things down and takes photos.\n"
                "5. End the walk somewhere warm, such as a café at Länsikeskus, and together "
                "pick the three most important observations.\n"
                "6. Within a week, add the observations to the platform map and tell "
                "participants who is responsible for what."
            ),
            "time_and_people": (
                "- Time: two hours of walking and talking, half a day to prepare and half a "
                "day to report.\n"
                "- People: a host, a note-taker, 10–25 participants and 1–3 officials "  # noqa: RUF001
                "responsible for the places.\n"
                "- Cost: low: printed maps, coffee at the end and reflective vests if needed."
            ),
            "watch_out": (
                "- Check accessibility and offer a shorter route or places to sit along the "
                "way. Otherwise the walk leaves out exactly those whose experience matters "
                "most.\n"
                "- Keep the group small enough for everyone to hear each other. With more "
                "than 25 people, split into two groups on different routes.\n"
                "- Do not let the stops turn into lectures by officials. Residents speak "
                "first.\n"
                "- Photograph places. Do not photograph people without their permission."
            ),
            "evaluation": (
                "Look at who walked, what was found and what got fixed.\n"
                "\n"
                "- Number of participants, how many of them use the route daily, and number "
                "of officials present.\n"
                "- Number of observations recorded, and how many of them were new compared "
                "with the map survey.\n"
                "- Number of observations that led to a repair or a decision within six "
                "months.\n"
                "- Participants' answer to one question at the end: did you learn something "
                "new about the area (yes / partly / no)?"
            ),
        },
    },
    {
        "slug": "youth-co-design",
        "phase": Phase.PLANNING,
        "themes": [ToolkitTheme.YOUNG_PEOPLE, ToolkitTheme.TOGETHER],
        "audiences": [Audience.YOUNG_PEOPLE, Audience.OFFICIALS, Audience.ASSOCIATIONS],
        "time_effort": Effort.MEDIUM,
        "people_effort": Effort.MEDIUM,
        "cost_effort": Effort.LOW,
        "related": ["walking-workshop", "pop-up-pilot", "you-said-we-did", "stakeholder-mapping"],
        "fi": {
            "title": "Yhteissuunnittelu nuorten kanssa",
            "summary": (
                "12–18-vuotiaat nuoret suunnittelevat alueelle jotain todellista – "  # noqa: RUF001
                "hengailupaikan, tapahtuman tai reitin – kahdessa tai kolmessa lyhyessä "  # noqa: RUF001
                "työpajassa. Käytössä on budjetti ja lupaus, että ainakin yhtä ideaa "
                "kokeillaan."
            ),
            "purpose": (
                "”Tekemistä nuorille” oli Tesoman charretten vahvimpia teemoja, mutta nuoret "
                "tulevat harvoin aikuisten kokouksiin. Tässä työpajassa nuoret kohdataan "
                "heidän omalla maaperällään, heille annetaan todellista päätösvaltaa pienessä "
                "asiassa ja näytetään, että heidän ideansa johtavat tekoihin."
            ),
            "when_to_use": (
                "Kun suunnittelet mitä tahansa nuorille suunnattua tai julkista tilaa, jota "
                "nuoret käyttävät, kuten Länsikeskuksen käytäviä, liikuntapuistoa tai "
                "bussipysäkkejä. Toimii parhaiten yhteistyössä koulun, nuorisotalon tai "
                "urheiluseuran kanssa lukukauden aikana."
            ),
            "steps": (
                "1. Sovi nuorisotyöntekijän tai opettajan kanssa aika, paikka ja ryhmä. Tapaa "
                "nuoret siellä, missä he jo ovat, älä virastossa.\n"
                "2. Kerro reunaehdot rehellisesti: mistä voidaan päättää (esimerkiksi miten 3 "
                "000 euroa ja yksi paikka käytetään), mistä ei, ja milloin tulos näkyy.\n"
                "3. Ensimmäisessä työpajassa (90 min) kartoitetaan paikat, joita nuoret "
                "käyttävät ja joita he välttävät, tarroilla isolle tulostetulle kartalle tai "
                "puhelimella. Kysy, mitä puuttuu.\n"
                "4. Toisessa työpajassa (90 min) 3–5 hengen ryhmät kehittävät ideoita "  # noqa: RUF001
                "yksinkertaisilla välineillä, kuten pahvilla, piirroksilla tai lyhyillä "
                "videoilla. Jokainen ryhmä esittelee ideansa kahdessa minuutissa.\n"
                "5. Nuoret äänestävät, mitä ideaa kokeillaan. Viranhaltijat kertovat heti, "
                "mitä toteuttaminen vaatii.\n"
                "6. Kolmannessa työpajassa suunnitellaan kokeilu yhdessä: kuka tekee mitä, "
                "mitä tarvitaan ja mistä tiedämme, onnistuiko se. Pyydä nuoria mukaan "
                "rakentamaan tai pyörittämään kokeilua.\n"
                "7. Kerro tuloksista samassa paikassa kuukauden sisällä ja uudelleen kokeilun "
                "jälkeen."
            ),
            "time_and_people": (
                "- Aika: 3 × 90 minuuttia 2–4 viikon aikana sekä valmistelu ja itse "  # noqa: RUF001
                "kokeilu.\n"
                "- Ihmiset: vetäjä, nuorten luottama nuorisotyöntekijä tai opettaja, 1–2 "  # noqa: RUF001
                "viranhaltijaa, jotka voivat päättää kokeilusta, ja 10–30 nuorta.\n"  # noqa: RUF001
                "- Kustannukset: työpajat ovat edullisia (materiaalit ja välipalat). Kokeilun "
                "budjetti on erikseen, esimerkiksi 1 000–5 000 euroa."  # noqa: RUF001
            ),
            "watch_out": (
                "- Älä kysy nuorilta ideoita, joille et voi tehdä mitään. Sovi budjetista ja "
                "päätösvallasta etukäteen.\n"
                "- Huomioi suostumukset: kerro alle 15-vuotiaiden huoltajille ja älä kerää "
                "nimiä, ellei ole pakko.\n"
                "- Äänekkäin porukka ei ole koko ikäluokka. Tavoita myös tytöt, vammaiset "
                "nuoret ja ne, jotka eivät käy nuorisotalolla.\n"
                "- Pidä aika idean ja toteutuksen välillä lyhyenä. Puoli vuotta on "
                "14-vuotiaalle ikuisuus."
            ),
            "evaluation": (
                "Arvioi, vaikuttivatko nuoret todella lopputulokseen ja käytetäänkö "
                "kokeilua.\n"
                "\n"
                "- Kuhunkin työpajaan osallistuneiden nuorten määrä ja se, kuinka moni tuli "
                "uudelleen seuraavaan.\n"
                "- Kokeiltiinko valittua ideaa kolmen kuukauden sisällä (kyllä/ei) ja kuinka "
                "paljon nuorten suunnitelmasta säilyi.\n"
                "- Kokeilun käyttö: esimerkiksi kävijät iltaa kohden kolmena iltana "
                "laskettuna.\n"
                "- Nuorten oma arvio lopuksi (1–5): pääsitkö päättämään jostain, millä on "  # noqa: RUF001
                "merkitystä?"
            ),
        },
        "sv": {
            "title": "Samskapande med unga",
            "summary": (
                "Unga i åldern 12–18 år planerar något verkligt för området – ett ställe att "  # noqa: RUF001
                "hänga på, ett evenemang eller en rutt – under två eller tre korta "  # noqa: RUF001
                "verkstäder. De har en budget och ett löfte om att minst en idé ska prövas."
            ),
            "purpose": (
                "”Saker för unga att göra” var ett av de starkaste temana i Tesomas "
                "charrette, men unga kommer sällan till vuxnas möten. I den här verkstaden "
                "möter man de unga på deras egen mark, ger dem verklig beslutanderätt i en "
                "liten fråga och visar att deras idéer leder till handling."
            ),
            "when_to_use": (
                "När du planerar något som riktar sig till unga eller en offentlig plats som "
                "unga använder, som korridorerna i Länsikeskus, idrottsparken eller "
                "busshållplatserna. Fungerar bäst i samarbete med en skola, ungdomsgården "
                "eller en idrottsförening under terminen."
            ),
            "steps": (
                "1. Kom överens med en ungdomsarbetare eller lärare om tid, plats och grupp. "
                "Träffa de unga där de redan finns, inte på ett ämbetsverk.\n"
                "2. Berätta ärligt om ramarna: vad som kan bestämmas (till exempel hur 3 000 "
                "euro och en plats ska användas), vad som inte kan det och när resultatet "
                "syns.\n"
                "3. I den första verkstaden (90 min) kartlägger ni platser som de unga "
                "använder och undviker, med klistermärken på en stor utskriven karta eller i "
                "mobilen. Fråga vad som saknas.\n"
                "4. I den andra verkstaden (90 min) utvecklar grupper på 3–5 personer idéer "  # noqa: RUF001
                "med enkla medel som kartong, teckningar eller korta videor. Varje grupp "
                "presenterar sin idé på två minuter.\n"
                "5. De unga röstar om vilken idé som ska prövas. Tjänstemännen berättar "
                "genast vad som krävs för att genomföra den.\n"
                "6. I den tredje verkstaden planerar ni försöket tillsammans: vem gör vad, "
                "vad behövs och hur vet vi om det lyckades. Be de unga vara med och bygga "
                "eller driva försöket.\n"
                "7. Återrapportera på samma plats inom en månad och på nytt efter försöket."
            ),
            "time_and_people": (
                "- Tid: 3 × 90 minuter under 2–4 veckor samt förberedelser och själva "  # noqa: RUF001
                "försöket.\n"
                "- Personer: en processledare, en ungdomsarbetare eller lärare som gruppen "
                "litar på, 1–2 tjänstemän som kan besluta om försöket och 10–30 unga.\n"  # noqa: RUF001
                "- Kostnader: verkstäderna är billiga (material och mellanmål). Budgeten för "
                "försöket kommer separat, till exempel 1 000–5 000 euro."  # noqa: RUF001
            ),
            "watch_out": (
                "- Be inte unga om idéer som du inte kan göra något åt. Kom överens om budget "
                "och beslutanderätt på förhand.\n"
                "- Tänk på samtycke: informera vårdnadshavarna till unga under 15 år och "
                "samla inte in namn om det inte är nödvändigt.\n"
                "- Det mest högljudda gänget är inte hela åldersgruppen. Nå också flickor, "
                "unga med funktionsnedsättning och dem som inte går till ungdomsgården.\n"
                "- Håll tiden mellan idé och genomförande kort. Ett halvår är en evighet för "
                "en 14-åring."
            ),
            "evaluation": (
                "Utvärdera om de unga verkligen påverkade resultatet och om försöket "
                "används.\n"
                "\n"
                "- Antal unga som deltog i varje verkstad och hur många som kom tillbaka till "
                "nästa.\n"
                "- Om den valda idén prövades inom tre månader (ja/nej) och hur mycket av de "
                "ungas plan som behölls.\n"
                "- Hur försöket används: till exempel antal besökare per kväll, räknat under "
                "tre kvällar.\n"
                "- De ungas egen bedömning i slutet (1–5): fick du bestämma över något som "  # noqa: RUF001
                "betyder något?"
            ),
        },
        "en": {
            "title": "Co-design workshop with young people",
            "summary": (
                "Young people aged 12–18 design something real for the area – a place to hang "  # noqa: RUF001
                "out, an event or a route – in two or three short workshops. They have a "  # noqa: RUF001
                "budget and a promise that at least one idea will be tried."
            ),
            "purpose": (
                "'Things for young people to do' was one of the strongest themes of the "
                "Tesoma charrette, yet young people rarely come to adults' meetings. This "
                "workshop meets them on their own ground, gives them real decision-making "
                "power over a small matter and shows that their ideas lead to action."
            ),
            "when_to_use": (
                "Whenever you plan something aimed at young people, or a public space they "
                "use, such as the Länsikeskus corridors, the sports park or bus stops. Works "
                "best together with a school, the youth centre or a sports club, during term "
                "time."
            ),
            "steps": (
                "1. Agree on the time, place and group with a youth worker or a teacher. Meet "
                "young people where they already are, not at a city office.\n"
                "2. Be honest about the limits: what can be decided (for example how 3,000 "
                "euros and one site are used), what cannot, and when the result will be "
                "visible.\n"
                "3. In the first workshop (90 min), map the places young people use and "
                "avoid, with stickers on a large printed map or on their phones. Ask what is "
                "missing.\n"
                "4. In the second workshop (90 min), groups of 3–5 develop ideas with simple "  # noqa: RUF001
                "materials such as cardboard, drawings or short videos. Each group presents "
                "its idea in two minutes.\n"
                "5. The young people vote on which idea to try. Officials say straight away "
                "what it would take to make it happen.\n"
                "6. In the third workshop, plan the pilot together: who does what, what is "
                "needed, and how we will know if it worked. Invite the young people to help "
                "build or run it.\n"
                "7. Report back in the same place within a month, and again after the pilot."
            ),
            "time_and_people": (
                "- Time: 3 × 90 minutes over 2–4 weeks, plus preparation and the pilot "  # noqa: RUF001
                "itself.\n"
                "- People: a facilitator, a youth worker or teacher the group trusts, 1–2 "  # noqa: RUF001
                "officials who can decide on the pilot, and 10–30 young people.\n"  # noqa: RUF001
                "- Cost: the workshops are cheap (materials and snacks). The pilot has its "
                "own budget, for example 1,000–5,000 euros."  # noqa: RUF001
            ),
            "watch_out": (
                "- Do not ask young people for ideas you cannot act on. Agree on the budget "
                "and the decision-making power beforehand.\n"
                "- Think about consent: inform the guardians of under-15s, and do not collect "
                "names unless you have to.\n"
                "- The loudest group is not the whole age group. Reach girls, young people "
                "with disabilities and those who do not go to the youth centre too.\n"
                "- Keep the time between idea and action short. Half a year is an eternity "
                "for a 14-year-old."
            ),
            "evaluation": (
                "Evaluate whether the young people really shaped the result and whether the "
                "pilot is used.\n"
                "\n"
                "- Number of young people in each workshop and how many came back for the "
                "next one.\n"
                "- Whether the chosen idea was piloted within three months (yes/no) and how "
                "much of the young people's plan survived.\n"
                "- Use of the pilot: for example visitors per evening, counted on three "
                "evenings.\n"
                "- The young people's own rating at the end (1–5): did you get to decide "  # noqa: RUF001
                "something that matters?"
            ),
        },
    },
    {
        "slug": "residents-as-developers",
        "phase": Phase.IMPLEMENTATION,
        "themes": [ToolkitTheme.TOGETHER, ToolkitTheme.BUSINESS, ToolkitTheme.YOUNG_PEOPLE],
        "audiences": [
            Audience.RESIDENTS,
            Audience.ASSOCIATIONS,
            Audience.BUSINESSES,
            Audience.OFFICIALS,
        ],
        "time_effort": Effort.HIGH,
        "people_effort": Effort.MEDIUM,
        "cost_effort": Effort.MEDIUM,
        "related": [
            "pop-up-pilot",
            "open-space-meeting",
            "learning-cafe",
            "evaluation-by-measures",
        ],
        "fi": {
            "title": "Asukkaat kehittäjinä",
            "summary": (
                "Asukkaat, yhdistykset ja paikalliset yritykset vetävät omia "
                "kehittämishankkeitaan pienen avustuksen, kaupungin nimetyn yhteyshenkilön ja "
                "selkeiden pelisääntöjen turvin. Kaupunki tukee eikä tee kaikkea itse."
            ),
            "purpose": (
                "Asukkaat tietävät, mitä alue tarvitsee, ja heillä on usein intoa tarttua "
                "toimeen. Puuttumaan jäävät raha materiaaleihin, luvat, vakuutukset ja joku "
                "kaupungilla, joka vastaa puhelimeen. Tällä menetelmällä karttakyselyn ja "
                "charretten ideoista tulee asukkaiden omia hankkeita, kuten yhteisöpuutarha, "
                "korjauskahvila tai kävelyryhmä."
            ),
            "when_to_use": (
                "Kun charrette tai kysely on tuottanut ideoita, joita asukkaat haluavat itse "
                "viedä eteenpäin, ja kun kaupunki voi sitoutua pieneen rahoitukseen "
                "(esimerkiksi 500–5 000 euroa hanketta kohden) ja yhteyshenkilöön vähintään "  # noqa: RUF001
                "vuodeksi."
            ),
            "steps": (
                "1. Päätä rahoituksen kokonaissumma, enimmäissumma hanketta kohden, ketkä "
                "voivat hakea (rekisteröidyt yhdistykset, taloyhtiöt, pienyritykset ja "
                "epäviralliset ryhmät, joissa on vastuullinen täysi-ikäinen) ja mihin rahaa "
                "saa käyttää.\n"
                "2. Julkaise yhden sivun hakulomake: mitä, missä, kenelle, ketkä ovat mukana, "
                "yksinkertainen budjetti ja miten tiedätte, että hanke onnistui.\n"
                "3. Järjestä infoilta ja tarjoa vastaanottoaikoja, joilla hakijat saavat apua "
                "hakemuksen kirjoittamiseen.\n"
                "4. Pieni raati, jossa on myös asukkaita, valitsee hankkeet kuukauden sisällä "
                "ja julkaisee perustelut myös niille, joita ei valittu.\n"
                "5. Nimeä jokaiselle hankkeelle yhteyshenkilö kaupungilta. Hän auttaa lupien, "
                "paikkojen, vakuutusten ja kaupungin omien yksiköiden kanssa.\n"
                "6. Kokoa hankkeiden vetäjät yhteen 2–3 kuukauden välein jakamaan vinkkejä ja "  # noqa: RUF001
                "ratkomaan ongelmia.\n"
                "7. Lopuksi jokainen hanke raportoi yksinkertaisella lomakkeella (teksti, "
                "kuvia ja muutama luku) ja esittäytyy avoimessa tilaisuudessa."
            ),
            "time_and_people": (
                "- Aika: yksi hakukierros kestää haun avaamisesta raporttiin 6–12 kuukautta. "  # noqa: RUF001
                "Kaupungin yhteyshenkilö käyttää hanketta kohden 2–4 tuntia kuukaudessa.\n"  # noqa: RUF001
                "- Ihmiset: koordinaattori, yhteyshenkilöt, 3–5 hengen raati, jossa on "  # noqa: RUF001
                "asukkaita, sekä hankeryhmät itse.\n"
                "- Kustannukset: keskisuuret: avustukset (esimerkiksi 10 000–30 000 euroa "  # noqa: RUF001
                "kierrosta kohden) ja koordinaattorin työ."
            ),
            "watch_out": (
                "- Suhteuta byrokratia rahasummaan. 500 euron avustus ei saa vaatia "
                "kymmensivuista raporttia.\n"
                "- Epävirallisella ryhmällä ei välttämättä ole pankkitiliä. Järjestä maksu "
                "yhdistyksen kautta tai maksa laskut suoraan.\n"
                "- Vapaaehtoisten into ehtyy. Auta hankkeita löytämään jatkaja tai pysyvä "
                "koti.\n"
                "- Tee selväksi, ettei kaupunki ulkoista omia tehtäviään, kuten lumitöitä, "
                "vapaaehtoisille."
            ),
            "evaluation": (
                "Arvioi sekä hankkeita että tukimallia.\n"
                "\n"
                "- Hakemusten ja hankkeiden määrä sekä se, kuinka moni hakija ei ollut "
                "koskaan aiemmin hakenut kaupungin rahoitusta.\n"
                "- Kussakin hankkeessa aktiivisesti mukana olleiden ihmisten määrä ja "
                "tavoitettujen ihmisten määrä (kävijät, käyttäjät).\n"
                "- Niiden hankkeiden osuus, jotka ovat yhä käynnissä vuosi avustuksen "
                "jälkeen.\n"
                "- Hankkeiden vetäjien arvio kaupungin tuesta (1–5) ja keskimääräinen aika "  # noqa: RUF001
                "hakemuksesta päätökseen."
            ),
        },
        "sv": {
            "title": "Invånarna som utvecklare",
            "summary": (
                "Invånare, föreningar och lokala företag driver egna utvecklingsprojekt med "
                "hjälp av ett litet bidrag, en namngiven kontaktperson på staden och tydliga "
                "spelregler. Staden stöder i stället för att göra allt själv."
            ),
            "purpose": (
                "Invånarna vet vad området behöver och har ofta lust att ta tag i saker. Det "
                "som saknas är pengar till material, tillstånd, försäkringar och någon på "
                "staden som svarar i telefon. Med den här metoden blir idéer från kartenkäten "
                "och charretten projekt som invånarna själva äger, som en gemenskapsodling, "
                "ett reparationskafé eller en promenadgrupp."
            ),
            "when_to_use": (
                "När en charrette eller en enkät har gett idéer som invånarna själva vill "
                "driva vidare, och när staden kan binda sig till en liten finansiering (till "
                "exempel 500–5 000 euro per projekt) och en kontaktperson i minst ett år."  # noqa: RUF001
            ),
            "steps": (
                "1. Bestäm den totala summan, maxbeloppet per projekt, vem som kan söka "
                "(registrerade föreningar, bostadsbolag, småföretag och informella grupper "
                "med en ansvarig myndig person) och vad pengarna får användas till.\n"
                "2. Publicera en ansökningsblankett på en sida: vad, var, för vem, vilka som "
                "är med, en enkel budget och hur ni vet att projektet lyckades.\n"
                "3. Ordna en infokväll och erbjud mottagningstider där de sökande får hjälp "
                "att skriva ansökan.\n"
                "4. En liten jury, där också invånare ingår, väljer projekten inom en månad "
                "och publicerar motiveringar även för dem som inte valdes.\n"
                "5. Utse en kontaktperson på staden för varje projekt. Hen hjälper till med "
                "tillstånd, platser, försäkringar och stadens egna enheter.\n"
                "6. Samla projektledarna med 2–3 månaders mellanrum för att dela tips och "  # noqa: RUF001
                "lösa problem.\n"
                "7. Till sist rapporterar varje projekt på en enkel blankett (text, bilder "
                "och några siffror) och presenterar sig vid ett öppet evenemang."
            ),
            "time_and_people": (
                "- Tid: en ansökningsomgång tar 6–12 månader från utlysning till rapport. "  # noqa: RUF001
                "Stadens kontaktperson använder 2–4 timmar i månaden per projekt.\n"  # noqa: RUF001
                "- Personer: en koordinator, kontaktpersoner, en jury på 3–5 personer med "  # noqa: RUF001
                "invånare samt projektgrupperna själva.\n"
                "- Kostnader: medelstora: bidragen (till exempel 10 000–30 000 euro per "  # noqa: RUF001
                "omgång) och koordinatorns arbete."
            ),
            "watch_out": (
                "- Anpassa byråkratin till summan. Ett bidrag på 500 euro ska inte kräva en "
                "rapport på tio sidor.\n"
                "- En informell grupp har inte nödvändigtvis ett bankkonto. Ordna betalningen "
                "via en förening eller betala fakturorna direkt.\n"
                "- De frivilligas ork tar slut. Hjälp projekten att hitta en efterträdare "
                "eller ett permanent hem.\n"
                "- Gör det klart att staden inte lägger ut sina egna uppgifter, som "
                "snöröjning, på frivilliga."
            ),
            "evaluation": (
                "Utvärdera både projekten och stödmodellen.\n"
                "\n"
                "- Antal ansökningar och projekt samt hur många sökande som aldrig tidigare "
                "sökt finansiering från staden.\n"
                "- Antal personer som aktivt deltog i varje projekt och antal personer som "
                "nåddes (besökare, användare).\n"
                "- Andelen projekt som fortfarande är i gång ett år efter bidraget.\n"
                "- Projektledarnas bedömning av stadens stöd (1–5) och den genomsnittliga "  # noqa: RUF001
                "tiden från ansökan till beslut."
            ),
        },
        "en": {
            "title": "Residents as developers",
            "summary": (
                "Residents, associations and local businesses run their own development "
                "projects with a small grant, a named contact person at the city and clear "
                "rules. The city supports instead of doing everything itself."
            ),
            "purpose": (
                "Residents know what the area needs and often have the energy to act. What "
                "they lack is money for materials, permits, insurance and someone at the city "
                "who answers the phone. This method turns ideas from the map survey and the "
                "charrette into projects that residents own, such as a community garden, a "
                "repair café or a walking group."
            ),
            "when_to_use": (
                "When a charrette or a survey has produced ideas that residents want to carry "
                "forward themselves, and when the city can commit a small fund (for example "
                "500–5,000 euros per project) and a contact person for at least a year."  # noqa: RUF001
            ),
            "steps": (
                "1. Decide the total fund, the maximum per project, who can apply (registered "
                "associations, housing companies, small businesses and informal groups with a "
                "responsible adult) and what the money may be used for.\n"
                "2. Publish a one-page application form: what, where, for whom, who is "
                "involved, a simple budget and how you will know the project worked.\n"
                "3. Hold an information evening and offer office hours where applicants get "
                "help with writing the application.\n"
                "4. A small panel that includes residents chooses the projects within a month "
                "and publishes its reasons, also for those not chosen.\n"
                "5. Give each project a named contact person at the city, who helps with "
                "permits, places, insurance and the city's own units.\n"
                "6. Bring the project leaders together every 2–3 months to share tips and "  # noqa: RUF001
                "solve problems.\n"
                "7. At the end, each project reports on a simple form (text, photos and a few "
                "numbers) and presents itself at a public event."
            ),
            "time_and_people": (
                "- Time: one round takes 6–12 months from the call to the reports. The city's "  # noqa: RUF001
                "contact person spends 2–4 hours a month per project.\n"  # noqa: RUF001
                "- People: a coordinator, contact persons, a panel of 3–5 that includes "  # noqa: RUF001
                "residents, and the project groups themselves.\n"
                "- Cost: medium: the grants (for example 10,000–30,000 euros per round) and "  # noqa: RUF001
                "the coordinator's work."
            ),
            "watch_out": (
                "- Keep the bureaucracy in proportion to the money. A 500-euro grant must not "
                "require a ten-page report.\n"
                "- An informal group may not have a bank account. Pay through an association "
                "or pay the invoices directly.\n"
                "- Volunteers' energy runs out. Help projects find a successor or a permanent "
                "home.\n"
                "- Make it clear that the city is not handing its own duties, such as snow "
                "clearing, over to volunteers."
            ),
            "evaluation": (
                "Evaluate both the projects and the support model.\n"
                "\n"
                "- Number of applications and projects, and how many applicants had never "
                "applied for city funding before.\n"
                "- Number of people actively involved in each project and number of people "
                "reached (visitors, users).\n"
                "- Share of projects still running a year after the grant.\n"
                "- Project leaders' rating of the city's support (1–5) and the average time "  # noqa: RUF001
                "from application to decision."
            ),
        },
    },
    {
        "slug": "pop-up-pilot",
        "phase": Phase.IMPLEMENTATION,
        "themes": [
            ToolkitTheme.BUSINESS,
            ToolkitTheme.YOUNG_PEOPLE,
            ToolkitTheme.ROUTES,
            ToolkitTheme.TOGETHER,
        ],
        "audiences": [
            Audience.BUSINESSES,
            Audience.ASSOCIATIONS,
            Audience.RESIDENTS,
            Audience.OFFICIALS,
        ],
        "time_effort": Effort.MEDIUM,
        "people_effort": Effort.MEDIUM,
        "cost_effort": Effort.MEDIUM,
        "related": [
            "evaluation-by-measures",
            "residents-as-developers",
            "you-said-we-did",
            "youth-co-design",
            "walking-workshop",
        ],
        "fi": {
            "title": "Pop up -kokeilu",
            "summary": (
                "Kokeile ratkaisua oikeassa ympäristössä muutaman päivän tai viikon ajan "
                "ennen pysyvää investointia: väliaikainen oleskelupaikka, pop up -myymälä "
                "tyhjässä liiketilassa tai merkitty kävelyreitti. Päätät etukäteen, mitä "
                "mittaat ja mikä on onnistumista."
            ),
            "purpose": (
                "Kokeilu vastaa nopeasti ja edullisesti kysymykseen, toimisiko tämä täällä. "
                "Se muuttaa asukkaiden kartalle jättämät toiveet joksikin, mitä voi kokeilla, "
                "ja antaa kaupungille ja yrityksille näyttöä ennen isompaa päätöstä. "
                "Yhdessä-alustalla organisaatio ehdottaa kokeilua vastauksena asukkaiden "
                "ehdotuksiin, kaupunki hyväksyy sen ja tulos raportoidaan julkisesti."
            ),
            "when_to_use": (
                "Kun idealla on kannatusta mutta kukaan ei tiedä, käytetäänkö sitä, kun "
                "pysyvä ratkaisu on kallis tai hidas tai kun haluat näyttää asukkaille "
                "nopeasti, että heidän äänellään on merkitystä. Ei sovi tilanteisiin, joissa "
                "virhe voisi vaarantaa turvallisuuden."
            ),
            "steps": (
                "1. Kirjoita hypoteesi yhdellä lauseella: ”Jos teemme ..., niin ... tapahtuu, "
                "ja näemme sen siitä, että ...”. Liitä se niihin asukkaiden ehdotuksiin, "
                "joihin kokeilu vastaa.\n"
                "2. Valitse 2–4 mittaria tavoitearvoineen (esimerkiksi käyttäjiä päivässä, "  # noqa: RUF001
                "arviot tai myynti) ja päätä, miten keräät tiedot. Mittaa lähtötaso, jos "
                "voit.\n"
                "3. Sovi paikka, luvat, vakuutukset, turvallisuus ja ylläpito maanomistajan "
                "kanssa: Länsikeskuksessa kauppakeskuksen johdon kanssa, kaduilla ja "
                "puistoissa kaupungin kanssa.\n"
                "4. Rakenna yksinkertaisesti ja niin, että kaiken voi purkaa: "
                "vuokrakalusteita, maalia, kylttejä tai kontti. Kerro paikan päällä selvästi, "
                "että kyse on kokeilusta, mihin asti se kestää ja miten palautetta voi antaa "
                "(QR-koodi).\n"
                "5. Pidä kokeilu käynnissä sovitun ajan, 1–8 viikkoa. Käy paikalla "  # noqa: RUF001
                "ensimmäisellä viikolla päivittäin ja korjaa se, mikä ei toimi.\n"
                "6. Kerää mittaritiedot ja palaute kokeilun aikana ja kaksi viikkoa sen "
                "jälkeen.\n"
                "7. Raportoi tulos julkisesti ja valitse yksi kolmesta jatkosta: "
                "laajennetaan, muutetaan ja kokeillaan uudelleen tai lopetetaan."
            ),
            "time_and_people": (
                "- Aika: 2–6 viikkoa valmistelua, 1–8 viikkoa kokeilua ja 2 viikkoa "  # noqa: RUF001
                "raportointia.\n"
                "- Ihmiset: kokeilun omistaja (yritys, yhdistys tai kaupungin yksikkö), 1–3 "  # noqa: RUF001
                "apulaista, maanomistajan yhteyshenkilö ja lupa-asioita hoitava "
                "viranhaltija.\n"
                "- Kustannukset: keskisuuret: tyypillisesti 500–10 000 euroa materiaaleihin, "  # noqa: RUF001
                "vuokriin ja kyltteihin."
            ),
            "watch_out": (
                "- Kokeilulla pitää olla päättymispäivä ja sen jälkeen päätös. Rapistumaan "
                "jätetty ”väliaikainen” ratkaisu vahingoittaa luottamusta enemmän kuin "
                "tekemättä jättäminen.\n"
                "- Älä mittaa vain sitä, mikä on helppoa. Kävijämäärä ei riitä, jos "
                "tavoitteena oli, että ikäihmiset tuntevat olonsa turvallisemmaksi.\n"
                "- Sää ja vuodenaika vaikuttavat tuloksiin. Kirjaa ne raporttiin.\n"
                "- Lopetettu kokeilu on myös tulos. Kerro, mitä opitte."
            ),
            "evaluation": (
                "Vertaa mittareita ennen aloitusta asetettuihin tavoitteisiin (katso kortti "
                "Arviointi mittareilla).\n"
                "\n"
                "- Kunkin mittarin tavoite ja toteuma, esimerkiksi käyttäjiä päivässä, "
                "arvioiden keskiarvo asteikolla 1–5 ja palaavien käyttäjien osuus.\n"  # noqa: RUF001
                "- Asukkaiden antamien arvioiden ja kommenttien määrä kokeilun aikana ja "
                "kaksi viikkoa sen jälkeen.\n"
                "- Kustannus käyttäjää tai käyntiä kohden.\n"
                "- Tehty päätös (laajennetaan / muutetaan / lopetetaan) ja sen julkinen "
                "perustelu."
            ),
        },
        "sv": {
            "title": "Popup-försök",
            "summary": (
                "Pröva en lösning i verkligheten under några dagar eller veckor innan ni "
                "investerar i något permanent: en tillfällig sittplats, en popup-butik i en "
                "tom lokal eller en utmärkt promenadrutt. Du bestämmer på förhand vad du "
                "mäter och vad som räknas som framgång."
            ),
            "purpose": (
                "Ett försök svarar snabbt och billigt på frågan om det här skulle fungera "
                "här. Det gör invånarnas önskemål på kartan till något man kan pröva och ger "
                "staden och företagen belägg före ett större beslut. På Yhdessä-plattformen "
                "föreslår en organisation ett försök som svar på invånarnas förslag, staden "
                "godkänner det och resultatet rapporteras offentligt."
            ),
            "when_to_use": (
                "När en idé har stöd men ingen vet om den kommer att användas, när en "
                "permanent lösning är dyr eller långsam, eller när du snabbt vill visa "
                "invånarna att deras röst räknas. Passar inte när ett misstag kunde äventyra "
                "säkerheten."
            ),
            "steps": (
                "1. Skriv hypotesen i en mening: ”Om vi ..., så händer ..., och vi ser det på "
                "att ...”. Koppla den till de invånarförslag som försöket svarar på.\n"
                "2. Välj 2–4 mätare med målvärden (till exempel användare per dag, betyg "  # noqa: RUF001
                "eller försäljning) och bestäm hur du samlar in uppgifterna. Mät utgångsläget "
                "om du kan.\n"
                "3. Kom överens om plats, tillstånd, försäkringar, säkerhet och underhåll med "
                "markägaren: i Länsikeskus med köpcentrets ledning, på gator och i parker med "
                "staden.\n"
                "4. Bygg enkelt och så att allt kan monteras ner: hyrda möbler, färg, skyltar "
                "eller en container. Berätta tydligt på plats att det är ett försök, hur "
                "länge det pågår och hur man kan ge respons (QR-kod).\n"
                "5. Låt försöket pågå under en bestämd tid, 1–8 veckor. Besök platsen "  # noqa: RUF001
                "dagligen den första veckan och åtgärda det som inte fungerar.\n"
                "6. Samla in mätvärden och respons medan försöket pågår och två veckor "
                "efteråt.\n"
                "7. Rapportera resultatet offentligt och välj en av tre fortsättningar: skala "
                "upp, ändra och pröva på nytt eller avsluta."
            ),
            "time_and_people": (
                "- Tid: 2–6 veckor förberedelser, 1–8 veckor försök och 2 veckor "  # noqa: RUF001
                "rapportering.\n"
                "- Personer: en ägare för försöket (ett företag, en förening eller en av "
                "stadens enheter), 1–3 medhjälpare, markägarens kontaktperson och en "  # noqa: RUF001
                "tjänsteman som sköter tillstånden.\n"
                "- Kostnader: medelstora: vanligen 500–10 000 euro för material, hyror och "  # noqa: RUF001
                "skyltar."
            ),
            "watch_out": (
                "- Ett försök behöver ett slutdatum och ett beslut efteråt. En ”tillfällig” "
                "lösning som får förfalla skadar förtroendet mer än att inte göra något "
                "alls.\n"
                "- Mät inte bara det som är lätt. Antalet besökare räcker inte om målet var "
                "att äldre ska känna sig tryggare.\n"
                "- Väder och årstid påverkar resultaten. Anteckna dem i rapporten.\n"
                "- Ett avslutat försök är också ett resultat. Berätta vad ni lärde er."
            ),
            "evaluation": (
                "Jämför mätvärdena med de mål som sattes före starten (se kortet Utvärdering "
                "med mätare).\n"
                "\n"
                "- Varje mätares mål och utfall, till exempel användare per dag, medelbetyg "
                "på skalan 1–5 och andelen återkommande användare.\n"  # noqa: RUF001
                "- Antal betyg och kommentarer från invånarna under försöket och två veckor "
                "efteråt.\n"
                "- Kostnad per användare eller besök.\n"
                "- Beslutet (skala upp / ändra / avsluta) och den offentliga motiveringen."
            ),
        },
        "en": {
            "title": "Pop-up pilot",
            "summary": (
                "Try a solution in real life for a few days or weeks before investing in "
                "anything permanent: a temporary seating area, a pop-up shop in an empty unit "
                "or a marked walking route. You decide in advance what you measure and what "
                "counts as success."
            ),
            "purpose": (
                "A pilot answers the question 'would this work here?' quickly and cheaply. It "
                "turns residents' wishes on the map into something they can try, and gives "
                "the city and businesses evidence before a bigger decision. On the Yhdessä "
                "platform, an organisation proposes a pilot in answer to residents' "
                "contributions, the city approves it and the result is reported publicly."
            ),
            "when_to_use": (
                "When an idea has support but nobody knows whether it will be used, when a "
                "permanent solution is expensive or slow, or when you want to show residents "
                "quickly that their voice counts. Not suitable where a mistake could put "
                "safety at risk."
            ),
            "steps": (
                "1. Write the hypothesis in one sentence: 'If we ..., then ... will happen, "
                "and we will see it from ...'. Link it to the residents' contributions the "
                "pilot answers.\n"
                "2. Choose 2–4 measures with targets (for example users per day, ratings or "  # noqa: RUF001
                "sales) and decide how you collect them. Measure the starting level if you "
                "can.\n"
                "3. Agree on the site, permits, insurance, safety and upkeep with the "
                "landowner: at Länsikeskus with the shopping centre management, on streets "
                "and in parks with the city.\n"
                "4. Build simply and so that everything can be removed: rented furniture, "
                "paint, signs or a container. Say clearly on site that this is a pilot, until "
                "when it runs and how to give feedback (QR code).\n"
                "5. Run the pilot for a fixed period of 1–8 weeks. Visit the site daily in "  # noqa: RUF001
                "the first week and fix whatever does not work.\n"
                "6. Collect the measures and feedback while the pilot runs and for two weeks "
                "afterwards.\n"
                "7. Report the result publicly and choose one of three next steps: scale up, "
                "change and try again, or stop."
            ),
            "time_and_people": (
                "- Time: 2–6 weeks to prepare, 1–8 weeks running and 2 weeks to report.\n"  # noqa: RUF001
                "- People: a pilot owner (a business, an association or a city unit), 1–3 "  # noqa: RUF001
                "helpers, the landowner's contact person and an official who handles "
                "permits.\n"
                "- Cost: medium: typically 500–10,000 euros for materials, rentals and signs."  # noqa: RUF001
            ),
            "watch_out": (
                "- A pilot needs an end date and a decision afterwards. A 'temporary' "
                "solution left to decay harms trust more than doing nothing.\n"
                "- Do not measure only what is easy. Counting visitors is not enough if the "
                "aim was for older people to feel safer.\n"
                "- Weather and season affect the results. Note them in the report.\n"
                "- A stopped pilot is a result too. Tell what you learned."
            ),
            "evaluation": (
                "Compare the measures with the targets set before the start (see the card "
                "Evaluation by measures).\n"
                "\n"
                "- Each measure's target and actual value, for example users per day, average "
                "rating on a scale of 1–5 and share of returning users.\n"  # noqa: RUF001
                "- Number of residents' ratings and comments during the pilot and two weeks "
                "after it.\n"
                "- Cost per user or per visit.\n"
                "- The decision made (scale up / change / stop) and its public reasons."
            ),
        },
    },
    {
        "slug": "forum-theatre",
        "phase": Phase.IMPLEMENTATION,
        "themes": [ToolkitTheme.INFORMATION, ToolkitTheme.TOGETHER, ToolkitTheme.YOUNG_PEOPLE],
        "audiences": [
            Audience.RESIDENTS,
            Audience.OFFICIALS,
            Audience.YOUNG_PEOPLE,
            Audience.ASSOCIATIONS,
        ],
        "time_effort": Effort.MEDIUM,
        "people_effort": Effort.MEDIUM,
        "cost_effort": Effort.MEDIUM,
        "related": ["open-space-meeting", "learning-cafe", "map-survey"],
        "fi": {
            "title": "Teatterikeskustelu (forumteatteri)",
            "summary": (
                "Näyttelijät tai vapaaehtoiset asukkaat esittävät 3–4 lyhyttä kohtausta, "  # noqa: RUF001
                "jotka on kirjoitettu haastatteluista, kyselyvastauksista ja muusta "
                "tutkimusaineistosta. Jokaisen kohtauksen jälkeen yleisö keskustelee "
                "näkemästään ja voi tulla kokeilemaan toisenlaista loppua."
            ),
            "purpose": (
                "Joistakin aiheista on vaikea puhua kokouksessa: yksinäisyydestä, "
                "turvattomuudesta bussipysäkillä illalla, nuorten ja kauppiaiden välisistä "
                "kiistoista tai tunteesta, ettei kaupunki koskaan kuuntele. Kohtaus näyttää "
                "tilanteen osoittamatta ketään, ja yleisö voi puhua henkilöhahmoista eikä "
                "itsestään. Koska kohtaukset perustuvat todelliseen tutkimusaineistoon, "
                "keskustelu pysyy kiinni siinä, mitä asukkaat ovat oikeasti sanoneet."
            ),
            "when_to_use": (
                "Kun tutkimus tai kysely on tuonut esiin jännitteen, josta ihmisten on vaikea "
                "puhua, kun vastakkaisia näkemyksiä edustavien ryhmien pitäisi kohdata tai "
                "kun haluat esitellä tuloksia tavalla, joka jää mieleen. Toimii koulun "
                "salissa, kirjastossa tai kerhohuoneessa."
            ),
            "steps": (
                "1. Valitse tutkimusaineisto: haastattelumuistiinpanot, karttakyselyn "
                "avovastaukset tai kävelytyöpajan havainnot. Poista kaikki, mistä voisi "
                "tunnistaa yksittäisen ihmisen.\n"
                "2. Valitse draamaohjaajan kanssa 3–4 toistuvaa tilannetta ja kirjoita niistä "  # noqa: RUF001
                "lyhyet kohtaukset (2–4 minuuttia kukin), joissa on selvä ristiriita mutta ei "  # noqa: RUF001
                "ratkaisua.\n"
                "3. Harjoittele näyttelijöiden tai vapaaehtoisten asukkaiden kanssa. Testaa "
                "yksi kohtaus pienellä ryhmällä ja varmista, että se on tunnistettava mutta "
                "reilu kaikkia osapuolia kohtaan.\n"
                "4. Tilaisuuden alussa vetäjä (”jokeri”) kertoo pelisäännöt: kuka tahansa saa "
                "kommentoida, eikä kenenkään ole pakko esiintyä.\n"
                "5. Esitä kohtaus ja kysy: Mitä tapahtui? Miksi? Onko sinulle käynyt näin? "
                "Esitä kohtaus sitten uudelleen ja anna yleisön pysäyttää se ja astua jonkun "
                "henkilöhahmon paikalle kokeilemaan toisenlaista ratkaisua.\n"
                "6. Kirjaa ehdotukset fläppitaululle ja sopikaa lopuksi, mitkä niistä viedään "
                "kenellekin.\n"
                "7. Julkaise lyhyt yhteenveto keskustelusta ja ehdotuksista ja kerro, mihin "
                "aineistoon kohtaukset perustuivat."
            ),
            "time_and_people": (
                "- Aika: 3–5 viikkoa kirjoittamiseen ja harjoitteluun sekä 1,5–2 tunnin "  # noqa: RUF001
                "tilaisuus.\n"
                "- Ihmiset: draamaohjaaja tai teatteriryhmä, 2–5 esiintyjää, vetäjä, kirjuri "  # noqa: RUF001
                "ja 20–80 katsojaa.\n"  # noqa: RUF001
                "- Kustannukset: keskisuuret: esiintyjien ja ohjaajan palkkiot (esimerkiksi 1 "
                "500–5 000 euroa), tila ja kahvit. Edullisempaa paikallisen "  # noqa: RUF001
                "harrastajateatterin tai koulun draamaryhmän kanssa."
            ),
            "watch_out": (
                "- Kohtaukset eivät saa pilkata mitään ryhmää, eikä niistä saa tunnistaa "
                "tiettyä ihmistä. Tarkista ne jonkun kuvattuun ryhmään kuuluvan kanssa.\n"
                "- Aiheet voivat koskettaa joitakin katsojia. Nimeä henkilö, jonka kanssa voi "
                "jutella tilaisuuden jälkeen.\n"
                "- Keskustelu ei ole päätös. Kerro etukäteen, mitä ehdotuksille tapahtuu.\n"
                "- Järjestä tarvittaessa tulkkaus. Teatteri nojaa kieleen."
            ),
            "evaluation": (
                "Arvioi, avasivatko kohtaukset keskustelun, jota ei muuten olisi käyty.\n"
                "\n"
                "- Katsojien määrä ja se, kuinka moni käytti puheenvuoron tai astui "
                "kohtaukseen.\n"
                "- Kerättyjen konkreettisten ehdotusten määrä ja se, kuinka moni niistä "
                "vietiin eteenpäin puolen vuoden sisällä.\n"
                "- Niiden katsojien osuus, jotka ovat palautekortilla samaa mieltä väitteestä "
                "”Kohtaukset näyttivät tilanteita, jotka ovat totta Tesomalla” (tavoite "
                "vähintään 70 %).\n"
                "- Olivatko paikalla molemmat ryhmät, jotka eivät yleensä kohtaa (esimerkiksi "
                "nuoret ja kauppiaat)."
            ),
        },
        "sv": {
            "title": "Teaterbaserat samtal (forumteater)",
            "summary": (
                "Skådespelare eller frivilliga invånare spelar 3–4 korta scener som skrivits "  # noqa: RUF001
                "utgående från intervjuer, enkätsvar och annat forskningsmaterial. Efter "
                "varje scen diskuterar publiken vad de såg och kan kliva in och pröva ett "
                "annat slut."
            ),
            "purpose": (
                "Vissa ämnen är svåra att ta upp på ett möte: ensamhet, otrygghet vid "
                "busshållplatsen på kvällen, konflikter mellan unga och handlare eller "
                "känslan av att staden aldrig lyssnar. En scen visar situationen utan att "
                "peka ut någon, och publiken kan tala om rollfigurerna i stället för om sig "
                "själva. Eftersom scenerna bygger på verkligt forskningsmaterial håller sig "
                "samtalet till det som invånarna faktiskt har sagt."
            ),
            "when_to_use": (
                "När en undersökning eller enkät har lyft fram en spänning som folk har svårt "
                "att prata om, när grupper med motsatta åsikter behöver mötas, eller när du "
                "vill presentera resultat på ett sätt som stannar i minnet. Fungerar i en "
                "skolsal, ett bibliotek eller ett klubbrum."
            ),
            "steps": (
                "1. Välj forskningsmaterialet: intervjuanteckningar, öppna svar i kartenkäten "
                "eller iakttagelser från en promenadverkstad. Ta bort allt som kan "
                "identifiera en enskild person.\n"
                "2. Välj tillsammans med en dramapedagog 3–4 återkommande situationer och "  # noqa: RUF001
                "skriv korta scener (2–4 minuter var) med en tydlig konflikt men utan "  # noqa: RUF001
                "lösning.\n"
                "3. Öva med skådespelare eller frivilliga invånare. Testa en scen med en "
                "liten grupp och kontrollera att den är igenkännbar men rättvis mot alla "
                "parter.\n"
                "4. I början av evenemanget presenterar samtalsledaren (”jokern”) "
                "spelreglerna: vem som helst får kommentera, och ingen måste uppträda.\n"
                "5. Spela en scen och fråga: Vad hände? Varför? Har du varit med om det här? "
                "Spela sedan scenen igen och låt publiken stoppa den och ta en rollfigurs "
                "plats för att pröva en annan lösning.\n"
                "6. Skriv upp förslagen på ett blädderblock och kom i slutet överens om vilka "
                "som förs vidare till vem.\n"
                "7. Publicera ett kort sammandrag av samtalet och förslagen, och berätta "
                "vilket material scenerna byggde på."
            ),
            "time_and_people": (
                "- Tid: 3–5 veckor för skrivande och repetitioner samt ett evenemang på 1,5–2 "  # noqa: RUF001
                "timmar.\n"
                "- Personer: en dramapedagog eller en teatergrupp, 2–5 aktörer, en "  # noqa: RUF001
                "samtalsledare, en sekreterare och 20–80 personer i publiken.\n"  # noqa: RUF001
                "- Kostnader: medelstora: arvoden för aktörer och pedagog (till exempel 1 "
                "500–5 000 euro), lokal och kaffe. Billigare med en lokal amatörteater eller "  # noqa: RUF001
                "en skolas dramagrupp."
            ),
            "watch_out": (
                "- Scenerna får inte förlöjliga någon grupp eller gå att känna igen som en "
                "viss person. Granska dem med någon från de grupper som skildras.\n"
                "- Ämnena kan beröra en del i publiken. Ha en namngiven person att prata med "
                "efteråt.\n"
                "- Samtalet är inget beslut. Berätta i förväg vad som händer med förslagen.\n"
                "- Ordna tolkning vid behov. Teater bygger på språk."
            ),
            "evaluation": (
                "Utvärdera om scenerna öppnade ett samtal som annars inte hade blivit av.\n"
                "\n"
                "- Antal personer i publiken och hur många som tog ordet eller klev in i en "
                "scen.\n"
                "- Antal konkreta förslag som samlades in och hur många av dem som förts "
                "vidare inom ett halvår.\n"
                "- Andelen i publiken som på ett svarskort håller med om påståendet ”Scenerna "
                "visade situationer som är sanna i Tesoma” (mål minst 70 %).\n"
                "- Om båda grupperna som vanligen inte möts (till exempel unga och handlare) "
                "var på plats."
            ),
        },
        "en": {
            "title": "Theatre-based discussion (forum theatre)",
            "summary": (
                "Actors or volunteer residents perform 3–4 short scenes written from "  # noqa: RUF001
                "interviews, survey answers and other research material. After each scene, "
                "the audience discusses what they saw and can step in to try a different "
                "ending."
            ),
            "purpose": (
                "Some topics are hard to raise at a meeting: loneliness, feeling unsafe at "
                "the bus stop in the evening, conflicts between young people and shopkeepers, "
                "or the feeling that the city never listens. A scene shows the situation "
                "without pointing at anyone, and the audience can talk about the characters "
                "instead of themselves. Because the scenes are based on real research "
                "material, the discussion stays close to what residents have actually said."
            ),
            "when_to_use": (
                "When research or a survey has brought out a tension that people find hard to "
                "talk about, when groups with opposing views need to meet, or when you want "
                "to present results in a way people remember. Works in a school hall, a "
                "library or a club room."
            ),
            "steps": (
                "1. Choose the research material: interview notes, open answers from the map "
                "survey or observations from a walking workshop. Remove anything that could "
                "identify an individual.\n"
                "2. With a drama instructor, pick 3–4 recurring situations and write short "  # noqa: RUF001
                "scenes (2–4 minutes each) with a clear conflict but no solution.\n"  # noqa: RUF001
                "3. Rehearse with actors or volunteer residents. Test one scene with a small "
                "group and make sure it is recognisable but fair to all sides.\n"
                "4. At the start of the event, the facilitator (the 'joker') explains the "
                "rules: anyone may comment, and nobody has to perform.\n"
                "5. Play a scene and ask: What happened? Why? Has this happened to you? Then "
                "play it again and let the audience stop it and take a character's place to "
                "try another way.\n"
                "6. Write the proposals on a flip chart, and at the end agree which of them "
                "go to whom.\n"
                "7. Publish a short summary of the discussion and the proposals, and say what "
                "material the scenes were based on."
            ),
            "time_and_people": (
                "- Time: 3–5 weeks to write and rehearse, and an event of 1.5–2 hours.\n"  # noqa: RUF001
                "- People: a drama instructor or a theatre group, 2–5 performers, a "  # noqa: RUF001
                "facilitator, a note-taker and an audience of 20–80.\n"  # noqa: RUF001
                "- Cost: medium: fees for the performers and the instructor (for example "
                "1,500–5,000 euros), a space and coffee. Cheaper with a local amateur theatre "  # noqa: RUF001
                "or a school drama group."
            ),
            "watch_out": (
                "- The scenes must not ridicule any group or be recognisable as a particular "
                "person. Check them with someone from the groups portrayed.\n"
                "- The topics may touch some audience members. Name a person they can talk to "
                "after the event.\n"
                "- The discussion is not a decision. Say beforehand what will happen to the "
                "proposals.\n"
                "- Arrange interpreting if needed. Theatre depends on language."
            ),
            "evaluation": (
                "Evaluate whether the scenes opened a discussion that would not have happened "
                "otherwise.\n"
                "\n"
                "- Number of audience members and how many spoke or stepped into a scene.\n"
                "- Number of concrete proposals collected and how many were taken forward "
                "within six months.\n"
                "- Share of the audience who agree on an exit card that 'the scenes showed "
                "situations that are true in Tesoma' (target at least 70%).\n"
                "- Whether both groups that do not usually meet (for example young people and "
                "shopkeepers) were present."
            ),
        },
    },
    {
        "slug": "open-space-meeting",
        "phase": Phase.IMPLEMENTATION,
        "themes": [ToolkitTheme.TOGETHER, ToolkitTheme.INFORMATION, ToolkitTheme.BUSINESS],
        "audiences": [
            Audience.RESIDENTS,
            Audience.ASSOCIATIONS,
            Audience.BUSINESSES,
            Audience.OFFICIALS,
        ],
        "time_effort": Effort.LOW,
        "people_effort": Effort.MEDIUM,
        "cost_effort": Effort.LOW,
        "related": [
            "residents-as-developers",
            "forum-theatre",
            "learning-cafe",
            "stakeholder-mapping",
            "charrette",
        ],
        "fi": {
            "title": "Avoin asukasfoorumi (Open Space)",
            "summary": (
                "Puolen päivän tilaisuus ilman valmista asialistaa: osallistujat ehdottavat "
                "itse aiheet, muodostavat niiden ympärille pieniä ryhmiä ja sopivat "
                "seuraavista askelista. Sopii sellaisten ihmisten löytämiseen, jotka haluavat "
                "tehdä asioita yhdessä."
            ),
            "purpose": (
                "Open Space nostaa esiin aiheet, jotka ovat tärkeitä osallistujille eivätkä "
                "vain järjestäjille, ja löytää ihmiset, jotka ovat valmiita ottamaan "
                "vastuuta. Menetelmä sopii alueelle, jolla on paljon hyvää tahtoa mutta vähän "
                "yhteistä koordinointia yhdistysten, taloyhtiöiden ja yritysten kesken."
            ),
            "when_to_use": (
                "Kun laaja kysymys on auki (esimerkiksi ”Miten Tesoman syksy täyttyy "
                "tekemisestä?”), kun haluat käynnistää asukaslähtöisiä hankkeita tai kun "
                "yhdistysten ja yritysten pitäisi löytää toisensa. Sopii huonommin "
                "tilanteeseen, jossa valmistellaan tiettyä päätöstä."
            ),
            "steps": (
                "1. Muotoile kutsuva kysymys ja lähetä kutsu 3–4 viikkoa etukäteen "  # noqa: RUF001
                "sidosryhmäkartan kanavia pitkin.\n"
                "2. Järjestä tuolit piiriin, tyhjä seinä asialistaa varten ja 4–8 nurkkausta "  # noqa: RUF001
                "tai pöytää ryhmille. Kerro alussa neljä periaatetta ja ”kahden jalan laki”: "
                "ryhmästä toiseen saa siirtyä.\n"
                "3. Jokainen, jolla on aihe, kirjoittaa sen paperille, sanoo sen ääneen ja "
                "kiinnittää sen seinälle tiettyyn aikaan ja paikkaan.\n"
                "4. Ryhmät kokoontuvat 2–3 kierroksella, 45 minuuttia kerrallaan. Aiheen "  # noqa: RUF001
                "ehdottaja huolehtii, että lyhyt muistio kirjoitetaan: ketkä osallistuivat, "
                "mistä puhuttiin ja mitä seuraavaksi tehdään.\n"
                "5. Loppupiirissä jokainen ryhmä lukee ääneen seuraavat askeleensa ja sen, "
                "kuka vie asiaa eteenpäin.\n"
                "6. Kokoa muistiot, julkaise ne muutaman päivän sisällä ja ota yhteyttä "
                "ryhmiin, jotka halusivat jatkaa."
            ),
            "time_and_people": (
                "- Aika: 3–4 tuntia, 1–2 päivää valmistelua ja puoli päivää muistioiden "  # noqa: RUF001
                "kokoamiseen.\n"
                "- Ihmiset: taustalla pysyvä vetäjä, 1–2 apulaista ja 20–100 osallistujaa.\n"  # noqa: RUF001
                "- Kustannukset: pienet: tila, paperia, tusseja ja kahvit."
            ),
            "watch_out": (
                "- Menetelmä toimii vain, jos järjestäjä hyväksyy minkä tahansa aiheen, myös "
                "kaupunkiin kohdistuvan kritiikin. Päätä etukäteen, miten tällaisiin "
                "aiheisiin vastataan.\n"
                "- Puheliaat ehdottavat eniten aiheita. Rohkaise hiljaisempia esimerkiksi "
                "antamalla ensin aikaa keskustella pareittain.\n"
                "- Ilman jatkoa into katoaa. Varaa aikaa ryhmien kanssa yhteydenpitoon "
                "tilaisuuden jälkeen."
            ),
            "evaluation": (
                "Mittaa, mitä tilaisuus sai alkuun.\n"
                "\n"
                "- Osallistujien määrä ja se, kuinka monta eri organisaatiota oli "
                "edustettuna.\n"
                "- Ehdotettujen aiheiden määrä ja niiden ryhmien määrä, jotka sopivat "
                "seuraavasta askeleesta ja nimesivät vastuuhenkilön.\n"
                "- Kolmen kuukauden päästä yhä toimivien ryhmien määrä ja tukea hakeneet "
                "hankkeet (esimerkiksi Asukkaat kehittäjinä -mallin kautta).\n"
                "- Osallistujien vastaus loppupiirissä tai palautekortilla: tapasitko jonkun "
                "uuden, jonka kanssa voisit tehdä yhteistyötä (kyllä/ei)?"
            ),
        },
        "sv": {
            "title": "Öppet grannskapsforum (Open Space)",
            "summary": (
                "Ett möte på en halv dag utan färdig dagordning: deltagarna föreslår själva "
                "ämnena, bildar små grupper kring dem och kommer överens om nästa steg. "
                "Passar för att hitta människor som vill göra saker tillsammans."
            ),
            "purpose": (
                "Open Space lyfter fram de ämnen som är viktiga för deltagarna och inte bara "
                "för arrangörerna, och hittar dem som är beredda att ta ansvar. Metoden "
                "passar ett område med mycket god vilja men lite samordning mellan "
                "föreningar, bostadsbolag och företag."
            ),
            "when_to_use": (
                "När en bred fråga är öppen (till exempel ”Hur fyller vi hösten i Tesoma med "
                "saker att göra?”), när du vill starta invånarledda projekt eller när "
                "föreningar och företag borde hitta varandra. Passar sämre när ett visst "
                "beslut ska beredas."
            ),
            "steps": (
                "1. Formulera en inbjudande fråga och skicka inbjudan 3–4 veckor i förväg via "  # noqa: RUF001
                "kanalerna på intressentkartan.\n"
                "2. Ställ stolarna i en ring, reservera en tom vägg för dagordningen och 4–8 "  # noqa: RUF001
                "hörn eller bord för grupperna. Berätta i början om de fyra principerna och "
                "”lagen om två fötter”: man får byta grupp.\n"
                "3. Var och en som har ett ämne skriver det på ett papper, säger det högt och "
                "sätter upp det på väggen vid en viss tid och plats.\n"
                "4. Grupperna träffas i 2–3 omgångar på 45 minuter. Den som föreslog ämnet "  # noqa: RUF001
                "ser till att en kort anteckning skrivs: vilka deltog, vad diskuterades och "
                "vad händer härnäst.\n"
                "5. I avslutningsringen läser varje grupp upp sina nästa steg och vem som för "
                "saken vidare.\n"
                "6. Samla anteckningarna, publicera dem inom några dagar och kontakta de "
                "grupper som ville fortsätta."
            ),
            "time_and_people": (
                "- Tid: 3–4 timmar, 1–2 dagar förberedelser och en halv dag för att "  # noqa: RUF001
                "sammanställa anteckningarna.\n"
                "- Personer: en processledare som håller sig i bakgrunden, 1–2 medhjälpare "  # noqa: RUF001
                "och 20–100 deltagare.\n"  # noqa: RUF001
                "- Kostnader: små: lokal, papper, tuschpennor och kaffe."
            ),
            "watch_out": (
                "- Metoden fungerar bara om arrangören godtar vilket ämne som helst, också "
                "kritik mot staden. Bestäm i förväg hur sådana ämnen ska besvaras.\n"
                "- De pratsamma föreslår flest ämnen. Uppmuntra de tystare, till exempel "
                "genom att först låta alla diskutera i par.\n"
                "- Utan uppföljning försvinner engagemanget. Reservera tid för att kontakta "
                "grupperna efteråt."
            ),
            "evaluation": (
                "Mät vad mötet satte i gång.\n"
                "\n"
                "- Antal deltagare och hur många olika organisationer som var "
                "representerade.\n"
                "- Antal föreslagna ämnen och antal grupper som kom överens om ett nästa steg "
                "med en namngiven ansvarig.\n"
                "- Antal grupper som fortfarande är aktiva efter tre månader och projekt som "
                "sökt stöd (till exempel via modellen Invånarna som utvecklare).\n"
                "- Deltagarnas svar i avslutningsringen eller på ett svarskort: träffade du "
                "någon ny att samarbeta med (ja/nej)?"
            ),
        },
        "en": {
            "title": "Neighbourhood open-space meeting",
            "summary": (
                "A half-day meeting without a ready-made agenda: participants propose the "
                "topics themselves, form small groups around them and agree on next steps. "
                "Good for finding people who want to do things together."
            ),
            "purpose": (
                "Open space brings out the topics that matter to the participants rather than "
                "only to the organisers, and finds the people who are ready to take "
                "responsibility. It suits an area with a lot of goodwill but little "
                "coordination between associations, housing companies and businesses."
            ),
            "when_to_use": (
                "When a broad question is open (for example 'How do we fill Tesoma's autumn "
                "with things to do?'), when you want to start resident-led projects, or when "
                "associations and businesses should find each other. Less suitable when a "
                "specific decision is being prepared."
            ),
            "steps": (
                "1. Formulate an inviting question and send the invitation 3–4 weeks ahead "  # noqa: RUF001
                "through the channels on the stakeholder map.\n"
                "2. Set the chairs in a circle, keep one wall empty for the agenda and "
                "prepare 4–8 corners or tables for groups. At the start, explain the four "  # noqa: RUF001
                "principles and the 'law of two feet': anyone may move between groups.\n"
                "3. Anyone with a topic writes it on a sheet, says it aloud and puts it on "
                "the wall at a time and place.\n"
                "4. Groups meet in 2–3 rounds of 45 minutes. Whoever proposed the topic makes "  # noqa: RUF001
                "sure a short note is written: who took part, what was discussed and what "
                "happens next.\n"
                "5. In the closing circle, each group reads out its next steps and who is "
                "taking them forward.\n"
                "6. Collect the notes, publish them within a few days and contact the groups "
                "that wanted to continue."
            ),
            "time_and_people": (
                "- Time: 3–4 hours, 1–2 days to prepare and half a day to compile the "  # noqa: RUF001
                "notes.\n"
                "- People: a facilitator who stays in the background, 1–2 helpers and 20–100 "  # noqa: RUF001
                "participants.\n"
                "- Cost: low: a space, paper, markers and coffee."
            ),
            "watch_out": (
                "- The method only works if the organiser accepts any topic, including "
                "criticism of the city. Decide beforehand how such topics will be answered.\n"
                "- Talkative people propose most of the topics. Encourage quieter "
                "participants, for example by first letting everyone talk in pairs.\n"
                "- Without follow-up the energy is lost. Reserve time for keeping in touch "
                "with the groups afterwards."
            ),
            "evaluation": (
                "Measure what the meeting started.\n"
                "\n"
                "- Number of participants and how many different organisations were "
                "represented.\n"
                "- Number of topics proposed and number of groups that agreed on a next step "
                "with a named person.\n"
                "- Number of groups still active three months later, and projects that "
                "applied for support (for example through Residents as developers).\n"
                "- Participants' answer in the closing circle or on an exit card: did you "
                "meet someone new to work with (yes/no)?"
            ),
        },
    },
    {
        "slug": "neighbourhood-office-hours",
        "phase": Phase.IMPLEMENTATION,
        "themes": [ToolkitTheme.INFORMATION, ToolkitTheme.BUSINESS, ToolkitTheme.TOGETHER],
        "audiences": [Audience.OFFICIALS, Audience.RESIDENTS, Audience.BUSINESSES],
        "time_effort": Effort.MEDIUM,
        "people_effort": Effort.LOW,
        "cost_effort": Effort.LOW,
        "related": ["you-said-we-did", "map-survey", "stakeholder-mapping"],
        "fi": {
            "title": "Vastaanotto siellä, missä ihmiset ovat",
            "summary": (
                "Kaupungin viranhaltijat pitävät säännöllisiä ja rentoja vastaanottoja arjen "
                "paikoissa – kauppakeskuksen kahvilassa, kirjastossa tai taloyhtiön "  # noqa: RUF001
                "saunaillassa – sen sijaan, että odottaisivat asukkaiden tulevan virastoon."  # noqa: RUF001
            ),
            "purpose": (
                "Moni asukas ei koskaan ota yhteyttä kaupunkiin, koska ei tiedä, kenelle "
                "soittaa, tai pitää sitä turhana. Kun viranhaltijan voi tavata kahvikupin "
                "ääressä Länsikeskuksessa, kynnys madaltuu. Viranhaltija kuulee pienistä "
                "ongelmista ajoissa, voi kertoa, mitä on tekeillä, ja saa palautetta, joka ei "
                "koskaan päätyisi kyselyyn."
            ),
            "when_to_use": (
                "Koko kehittämishankkeen ajan, erityisesti silloin, kun suunnitelmat tai "
                "rakentaminen ovat käynnissä ja huhut leviävät. Toimii parhaiten "
                "säännöllisenä (esimerkiksi joka toinen tiistai klo 14–17) ja vähintään "  # noqa: RUF001
                "puolen vuoden ajan."
            ),
            "steps": (
                "1. Valitse paikka, jonka ohi ihmiset kulkevat muutenkin, ja sovi asiasta "
                "paikan omistajan, esimerkiksi Länsikeskuksen kahvilayrittäjän, kanssa. "
                "Valitse ajat, jotka sopivat myös työssäkäyville ja lapsiperheille: yksi "
                "iltapäivä ja yksi ilta kuukaudessa.\n"
                "2. Tee viranhaltija tunnistettavaksi: rollup, nimikyltti, alueen kartta "
                "pöydällä ja Yhdessä-alustan QR-koodi.\n"
                "3. Ilmoita aikataulu kerralla puoleksi vuodeksi alustalla, ilmoitustauluilla "
                "ja paikallisissa someryhmissä.\n"
                "4. Kuuntele ensin. Kirjaa jokainen kysymys tai idea lyhyesti lomakkeelle "
                "paikan ja aiheen kanssa. Älä kirjaa henkilötietoja, ellei asukas halua "
                "vastausta.\n"
                "5. Vastaa heti siihen, mihin voit. Lupaa muihin vastaus kahden viikon "
                "sisällä ja pidä lupauksesi.\n"
                "6. Kokoa aiheet kerran kuukaudessa ja välitä ne asianomaisille yksiköille. "
                "Julkaise lyhyt ”kysyitte, vastasimme” -lista."
            ),
            "time_and_people": (
                "- Aika: 2–3 tuntia vastaanottoa kohden ja tunti jälkitöitä, vähintään kuuden "  # noqa: RUF001
                "kuukauden ajan.\n"
                "- Ihmiset: 1–2 viranhaltijaa. Kutsu välillä mukaan kollegoja muista "  # noqa: RUF001
                "yksiköistä (kadut, nuorisopalvelut, elinkeinopalvelut).\n"
                "- Kustannukset: pienet: kahvit, rollup ja tulostetut kartat."
            ),
            "watch_out": (
                "- Älä tule paikalle vain huonojen uutisten kanssa. Säännöllisyys rakentaa "
                "luottamusta.\n"
                "- Viranhaltijalla pitää olla valtuudet välittää asioita ja saada vastauksia "
                "muista yksiköistä. Muuten vastaanotosta tulee valituspiste.\n"
                "- Kunnioita isännän liiketoimintaa: älä varaa kahvilan pöytiä "
                "lounasaikaan.\n"
                "- Kirjaa muistiinpanot ilman nimiä. Asukkaan ei pidä joutua kertomaan "
                "henkilöllisyyttään kysyäkseen jotain."
            ),
            "evaluation": (
                "Seuraa käyttöä, aiheita ja sitä, pidettiinkö lupaukset.\n"
                "\n"
                "- Keskustelujen määrä vastaanottoa kohden ja se, kuinka moni "
                "keskustelijoista ei ollut aiemmin ottanut yhteyttä kaupunkiin (kysy yksi "
                "kysymys).\n"
                "- Aiheet teemoittain kuukausittain, jotta toistuvat ongelmat erottuvat.\n"
                "- Niiden kysymysten osuus, joihin vastattiin luvatussa kahdessa viikossa "
                "(tavoite 90 %).\n"
                "- Asukkaiden arvio puolen vuoden kuluttua siitä, kuinka helppoa kaupunkiin "
                "on saada yhteys, verrattuna alkutilanteeseen (kahden kysymyksen kysely "
                "vastaanotolla)."
            ),
        },
        "sv": {
            "title": "Mottagning där folk finns",
            "summary": (
                "Stadens tjänstemän håller regelbundna och avslappnade mottagningar på "
                "vardagliga platser – i köpcentrets kafé, på biblioteket eller på ett "  # noqa: RUF001
                "bostadsbolags bastukväll – i stället för att vänta på att invånarna ska "  # noqa: RUF001
                "komma till ämbetsverket."
            ),
            "purpose": (
                "Många invånare kontaktar aldrig staden, eftersom de inte vet vem de ska "
                "ringa eller tycker att det är lönlöst. När man kan träffa en tjänsteman över "
                "en kopp kaffe i Länsikeskus sänks tröskeln. Tjänstemannen hör om små problem "
                "i tid, kan berätta vad som är på gång och får in synpunkter som aldrig "
                "skulle nå en enkät."
            ),
            "when_to_use": (
                "Under hela utvecklingsprojektet, särskilt när planer eller byggen pågår och "
                "rykten sprids. Fungerar bäst när mottagningen är regelbunden (till exempel "
                "varannan tisdag kl. 14–17) och pågår minst ett halvår."  # noqa: RUF001
            ),
            "steps": (
                "1. Välj en plats som folk ändå passerar och kom överens med ägaren, till "
                "exempel kaféföretagaren i Länsikeskus. Välj tider som också passar dem som "
                "arbetar och barnfamiljer: en eftermiddag och en kväll i månaden.\n"
                "2. Gör tjänstemannen lätt att känna igen: en rollup, en namnskylt, en karta "
                "över området på bordet och Yhdessä-plattformens QR-kod.\n"
                "3. Meddela schemat för ett halvår på en gång, på plattformen, på "
                "anslagstavlorna och i lokala grupper i sociala medier.\n"
                "4. Lyssna först. Anteckna varje fråga eller idé kort på en blankett med "
                "plats och ämne. Anteckna inga personuppgifter om invånaren inte vill ha "
                "svar.\n"
                "5. Svara direkt på det du kan. Lova svar inom två veckor på resten och håll "
                "ditt löfte.\n"
                "6. Sammanställ ämnena en gång i månaden och skicka dem till de berörda "
                "enheterna. Publicera en kort lista med rubriken ”Ni frågade, vi svarade”."
            ),
            "time_and_people": (
                "- Tid: 2–3 timmar per mottagning och en timme efterarbete, i minst sex "  # noqa: RUF001
                "månader.\n"
                "- Personer: 1–2 tjänstemän. Bjud ibland in kolleger från andra enheter "  # noqa: RUF001
                "(gator, ungdomstjänster, näringslivstjänster).\n"
                "- Kostnader: små: kaffe, en rollup och utskrivna kartor."
            ),
            "watch_out": (
                "- Kom inte bara när det finns dåliga nyheter. Regelbundenhet bygger "
                "förtroende.\n"
                "- Tjänstemannen måste ha mandat att föra ärenden vidare och få svar från "
                "andra enheter. Annars blir mottagningen en klagomålsdisk.\n"
                "- Respektera värdens affärsverksamhet: ta inte upp kaféets bord vid "
                "lunchtid.\n"
                "- Anteckna utan namn. En invånare ska inte behöva uppge vem hen är för att "
                "ställa en fråga."
            ),
            "evaluation": (
                "Följ upp användningen, ämnena och om löftena hölls.\n"
                "\n"
                "- Antal samtal per mottagning och hur många av dem som fördes med personer "
                "som inte tidigare kontaktat staden (ställ en fråga).\n"
                "- Ämnen per tema och månad, så att återkommande problem syns.\n"
                "- Andelen frågor som besvarades inom de utlovade två veckorna (mål 90 %).\n"
                "- Invånarnas bedömning efter ett halvår av hur lätt det är att nå staden, "
                "jämfört med utgångsläget (en enkät med två frågor vid mottagningen)."
            ),
        },
        "en": {
            "title": "Office hours where people are",
            "summary": (
                "City officials hold regular, informal office hours in everyday places – the "  # noqa: RUF001
                "shopping centre café, the library or a housing company's sauna evening – "  # noqa: RUF001
                "instead of waiting for residents to come to the city office."
            ),
            "purpose": (
                "Many residents never contact the city because they do not know whom to call "
                "or think it is pointless. Being able to meet an official over coffee at "
                "Länsikeskus lowers the threshold. The official hears about small problems "
                "early, can explain what is going on and collects input that would never "
                "reach a survey."
            ),
            "when_to_use": (
                "Throughout a development project, especially when plans or construction are "
                "under way and rumours spread. Works best when it is regular (for example "
                "every other Tuesday from 2 to 5 pm) and lasts at least six months."
            ),
            "steps": (
                "1. Choose a place people pass anyway and agree with its owner, for example "
                "the café entrepreneur at Länsikeskus. Pick times that also suit people who "
                "work and families with children: one afternoon and one evening a month.\n"
                "2. Make the official easy to recognise: a roll-up banner, a name badge, a "
                "map of the area on the table and the Yhdessä QR code.\n"
                "3. Announce the schedule for six months at once, on the platform, on notice "
                "boards and in local social media groups.\n"
                "4. Listen first. Write each question or idea down briefly on a form with the "
                "place and topic. Do not record personal data unless the resident wants a "
                "reply.\n"
                "5. Answer what you can on the spot. Promise a reply within two weeks for the "
                "rest, and keep the promise.\n"
                "6. Once a month, summarise the topics and pass them to the units concerned. "
                "Publish a short 'you asked, we answered' list."
            ),
            "time_and_people": (
                "- Time: 2–3 hours per session and an hour of follow-up, for at least six "  # noqa: RUF001
                "months.\n"
                "- People: 1–2 officials. Now and then, invite colleagues from other units "  # noqa: RUF001
                "(streets, youth services, business services).\n"
                "- Cost: low: coffee, a roll-up banner and printed maps."
            ),
            "watch_out": (
                "- Do not only turn up with bad news. Regularity builds trust.\n"
                "- The official needs a mandate to pass matters on and get answers from other "
                "units. Otherwise the office hours turn into a complaints desk.\n"
                "- Respect your host's business: do not occupy the café's tables at "
                "lunchtime.\n"
                "- Keep notes without names. Residents should not have to identify themselves "
                "to ask a question."
            ),
            "evaluation": (
                "Follow the use, the topics and whether promises were kept.\n"
                "\n"
                "- Number of conversations per session, and how many were with people who had "
                "never contacted the city before (ask one question).\n"
                "- Topics by theme per month, so that recurring problems stand out.\n"
                "- Share of questions answered within the promised two weeks (target 90%).\n"
                "- Residents' rating after six months of how easy it is to reach the city, "
                "compared with the start (a two-question survey at the office hours)."
            ),
        },
    },
    {
        "slug": "evaluation-by-measures",
        "phase": Phase.EVALUATION,
        "themes": [
            ToolkitTheme.YOUNG_PEOPLE,
            ToolkitTheme.BUSINESS,
            ToolkitTheme.ROUTES,
            ToolkitTheme.INFORMATION,
            ToolkitTheme.TOGETHER,
        ],
        "audiences": [Audience.OFFICIALS, Audience.BUSINESSES, Audience.ASSOCIATIONS],
        "time_effort": Effort.MEDIUM,
        "people_effort": Effort.LOW,
        "cost_effort": Effort.LOW,
        "related": [
            "pop-up-pilot",
            "you-said-we-did",
            "learning-cafe",
            "map-survey",
            "residents-as-developers",
        ],
        "fi": {
            "title": "Arviointi mittareilla",
            "summary": (
                "Sovi ennen työn alkua 2–5 mittaria, niiden lähtötaso ja tavoite. Kerää "  # noqa: RUF001
                "tiedot työn aikana ja vertaa lopuksi toteumaa tavoitteisiin. Tuloksena on "
                "päätös eikä pelkkä raportti."
            ),
            "purpose": (
                "Ilman sovittuja mittareita jokainen hanke näyttää onnistuneelta tekijöidensä "
                "silmissä. Etukäteen sovitut mittarit auttavat sanomaan rehellisesti, mikä "
                "toimi, vertaamaan kokeiluja keskenään ja perustelemaan päättäjille, miksi "
                "jotain pitäisi jatkaa tai miksi se pitäisi lopettaa. Yhdessä-alustalla "
                "jokaisella kokeilulla on mittarit, joille kirjataan tavoite ja toteuma."
            ),
            "when_to_use": (
                "Minkä tahansa kokeilun tai hankkeen suunnitteluvaiheessa, ei jälkikäteen. "
                "Hyödyllinen myös jatkuville palveluille, kuten Länsikeskuksen nuorten "
                "tilalle, jotka tarvitsevat vuosittaisen tarkistuksen."
            ),
            "steps": (
                "1. Lähde tavoitteesta: mikä asukkaiden arjessa on toisin, jos tämä onnistuu? "
                "Kirjoita se yhdellä lauseella.\n"
                "2. Valitse 2–5 mittaria, jotka kuvaavat sitä, ja käytä eri lajeja: käyttö "  # noqa: RUF001
                "(kävijät, käyttäjät), kokemus (arvio 1–5, lyhyt haastattelu) ja vaikutus "  # noqa: RUF001
                "(esimerkiksi vähemmän ilkivaltailmoituksia tai lisää myyntiä "
                "lähikaupoissa).\n"
                "3. Kirjaa jokaiselle mittarille yksikkö, miten ja milloin tieto kerätään, "
                "kuka sen kerää ja mikä on tavoite. Kirjaa myös, mikä taso tarkoittaisi "
                "lopettamista.\n"
                "4. Mittaa lähtötaso ennen kuin työ alkaa, esimerkiksi laske ohikulkijat "
                "kahtena arkipäivänä ja yhtenä lauantaina.\n"
                "5. Kerää tiedot sovitusti ja kirjaa myös yllätykset ja asiat, joita mittarit "
                "eivät näytä.\n"
                "6. Aseta lopuksi toteumat tavoitteiden rinnalle samaan taulukkoon ja käy ne "
                "läpi mukana olleiden, myös asukkaiden, kanssa.\n"
                "7. Tee päätös ja julkaise se perusteluineen: laajennetaan, muutetaan tai "
                "lopetetaan."
            ),
            "time_and_people": (
                "- Aika: 2–4 tuntia mittareiden sopimiseen, tiedonkeruu osana työtä ja puoli "  # noqa: RUF001
                "päivää lopulliseen vertailuun.\n"
                "- Ihmiset: hankkeen omistaja, joku numeroiden kanssa sujuva ja 1–2 asukasta "  # noqa: RUF001
                "tai käyttäjää tarkistamaan, että mittarit ovat järkeviä.\n"
                "- Kustannukset: pienet: laskurit, kyselytyökalu ja joskus kauppiaan tai "
                "joukkoliikenteen tiedot."
            ),
            "watch_out": (
                "- Älä muuta tavoitetta jälkikäteen, jotta tulos näyttäisi paremmalta. Jos "
                "tavoite oli epärealistinen, sano se ääneen.\n"
                "- Pienet luvut vaihtelevat paljon. Kaksikymmentä kävijää suuntaan tai "
                "toiseen voi johtua säästä.\n"
                "- Suojaa yksityisyys: laske, älä tunnista. Vältä kameroita, jotka "
                "tunnistavat ihmisiä.\n"
                "- Joitakin tärkeitä vaikutuksia, kuten luottamusta tai uusia tuttavuuksia, "
                "on vaikea laskea. Lisää lyhyt laadullinen kysymys tai tarina."
            ),
            "evaluation": (
                "Arvioi itse mittaamista kerran vuodessa.\n"
                "\n"
                "- Niiden hankkeiden ja kokeilujen osuus, jotka asettivat mittarit "
                "tavoitteineen ennen aloitusta (tavoite 100 %).\n"
                "- Niiden mittareiden osuus, joille kerättiin toteuma.\n"
                "- Niiden kokeilujen osuus, jotka päättyivät julkaistuun päätökseen "
                "(laajennetaan / muutetaan / lopetetaan).\n"
                "- Käyttivätkö päättäjät tuloksia: niiden päätösten määrä, joissa tuloksiin "
                "viitataan."
            ),
        },
        "sv": {
            "title": "Utvärdering med mätare",
            "summary": (
                "Kom före arbetets start överens om 2–5 mätare, deras utgångsläge och mål. "  # noqa: RUF001
                "Samla in uppgifter medan arbetet pågår och jämför utfallet med målen när det "
                "är klart. Resultatet är ett beslut och inte bara en rapport."
            ),
            "purpose": (
                "Utan överenskomna mätare ser varje projekt ut som en framgång för dem som "
                "drev det. Mätare som bestämts i förväg gör det möjligt att ärligt säga vad "
                "som fungerade, jämföra försök med varandra och motivera för beslutsfattarna "
                "varför något borde fortsätta eller avslutas. På Yhdessä-plattformen har "
                "varje försök mätare med mål och utfall."
            ),
            "when_to_use": (
                "När du planerar vilket försök eller projekt som helst, inte i efterhand. "
                "Nyttigt också för fortlöpande tjänster, som ungdomslokalen i Länsikeskus, "
                "som behöver en årlig genomgång."
            ),
            "steps": (
                "1. Utgå från målet: vad är annorlunda i invånarnas vardag om det här lyckas? "
                "Skriv det i en mening.\n"
                "2. Välj 2–5 mätare som beskriver det och blanda olika slag: användning "  # noqa: RUF001
                "(besökare, användare), upplevelse (betyg 1–5, en kort intervju) och effekt "  # noqa: RUF001
                "(till exempel färre anmälningar om skadegörelse eller mer försäljning i "
                "närbutikerna).\n"
                "3. Skriv för varje mätare upp enheten, hur och när uppgifterna samlas in, "
                "vem som samlar in dem och vad målet är. Skriv också vilken nivå som skulle "
                "betyda att ni avslutar.\n"
                "4. Mät utgångsläget innan arbetet börjar, till exempel genom att räkna "
                "förbipasserande två vardagar och en lördag.\n"
                "5. Samla in uppgifterna som överenskommet och anteckna också överraskningar "
                "och sådant som mätarna inte visar.\n"
                "6. Ställ till sist utfallen bredvid målen i samma tabell och gå igenom dem "
                "med de inblandade, också invånarna.\n"
                "7. Fatta beslutet och publicera det med motivering: skala upp, ändra eller "
                "avsluta."
            ),
            "time_and_people": (
                "- Tid: 2–4 timmar för att komma överens om mätarna, datainsamling som en del "  # noqa: RUF001
                "av arbetet och en halv dag för den slutliga jämförelsen.\n"
                "- Personer: projektets ägare, någon som är van vid siffror och 1–2 invånare "  # noqa: RUF001
                "eller användare som kontrollerar att mätarna är vettiga.\n"
                "- Kostnader: små: räknare, ett enkätverktyg och ibland uppgifter från en "
                "handlare eller kollektivtrafiken."
            ),
            "watch_out": (
                "- Ändra inte målet i efterhand för att resultatet ska se bättre ut. Om målet "
                "var orealistiskt, säg det.\n"
                "- Små tal varierar mycket. Tjugo besökare fler eller färre kan bero på "
                "vädret.\n"
                "- Skydda integriteten: räkna, identifiera inte. Undvik kameror som känner "
                "igen människor.\n"
                "- En del viktiga effekter, som förtroende eller nya bekantskaper, är svåra "
                "att räkna. Lägg till en kort kvalitativ fråga eller en berättelse."
            ),
            "evaluation": (
                "Utvärdera själva mätandet en gång om året.\n"
                "\n"
                "- Andelen projekt och försök som satte mätare med mål före starten (mål 100 "
                "%).\n"
                "- Andelen mätare för vilka ett utfall samlades in.\n"
                "- Andelen försök som avslutades med ett publicerat beslut (skala upp / ändra "
                "/ avsluta).\n"
                "- Om beslutsfattarna använde resultaten: antal beslut som hänvisar till dem."
            ),
        },
        "en": {
            "title": "Evaluation by measures",
            "summary": (
                "Before the work starts, agree on 2–5 measures, their starting level and a "  # noqa: RUF001
                "target. Collect the data while the work runs and compare the actual values "
                "with the targets at the end. The result is a decision, not just a report."
            ),
            "purpose": (
                "Without agreed measures, every project looks like a success to the people "
                "who ran it. Measures set in advance make it possible to say honestly what "
                "worked, to compare pilots with each other and to explain to decision-makers "
                "why something should be continued or stopped. On the Yhdessä platform every "
                "pilot has measures with a target and an actual value."
            ),
            "when_to_use": (
                "When planning any pilot or project – not afterwards. Also useful for ongoing "  # noqa: RUF001
                "services, such as the youth space at Länsikeskus, that need a yearly check."
            ),
            "steps": (
                "1. Start from the aim: what will be different in residents' everyday lives "
                "if this works? Write it in one sentence.\n"
                "2. Choose 2–5 measures that describe it and mix the kinds: use (visitors, "  # noqa: RUF001
                "users), experience (a 1–5 rating, a short interview) and effect (for example "  # noqa: RUF001
                "fewer vandalism reports or more sales in nearby shops).\n"
                "3. For each measure, write down the unit, how and when it is collected, who "
                "collects it and the target. Also write down what level would mean "
                "stopping.\n"
                "4. Measure the starting level before the work begins, for example by "
                "counting passers-by on two weekdays and one Saturday.\n"
                "5. Collect the data as agreed, and also note surprises and things the "
                "measures do not show.\n"
                "6. At the end, set the actual values beside the targets in one table and go "
                "through them with everyone involved, residents included.\n"
                "7. Make the decision and publish it with the reasons: scale up, change or "
                "stop."
            ),
            "time_and_people": (
                "- Time: 2–4 hours to agree on the measures, data collection as part of the "  # noqa: RUF001
                "work and half a day for the final comparison.\n"
                "- People: the project owner, someone comfortable with numbers and 1–2 "  # noqa: RUF001
                "residents or users to check that the measures make sense.\n"
                "- Cost: low: counters, a survey tool and sometimes data from a shopkeeper or "
                "the public transport operator."
            ),
            "watch_out": (
                "- Do not change the target afterwards to make the result look better. If the "
                "target was unrealistic, say so.\n"
                "- Small numbers vary a lot. Twenty visitors more or less may just be the "
                "weather.\n"
                "- Protect privacy: count, do not identify. Avoid cameras that recognise "
                "people.\n"
                "- Some important effects, such as trust or new acquaintances, are hard to "
                "count. Add a short qualitative question or a story."
            ),
            "evaluation": (
                "Evaluate the measuring itself once a year.\n"
                "\n"
                "- Share of projects and pilots that set measures with targets before "
                "starting (target 100%).\n"
                "- Share of measures for which an actual value was collected.\n"
                "- Share of pilots that ended with a published decision (scale up / change / "
                "stop).\n"
                "- Whether decision-makers used the results: number of decisions that refer "
                "to them."
            ),
        },
    },
    {
        "slug": "you-said-we-did",
        "phase": Phase.EVALUATION,
        "themes": [ToolkitTheme.INFORMATION, ToolkitTheme.TOGETHER],
        "audiences": [Audience.OFFICIALS, Audience.RESIDENTS, Audience.ASSOCIATIONS],
        "time_effort": Effort.LOW,
        "people_effort": Effort.LOW,
        "cost_effort": Effort.LOW,
        "related": [
            "map-survey",
            "neighbourhood-office-hours",
            "evaluation-by-measures",
            "charrette",
            "youth-co-design",
        ],
        "fi": {
            "title": "Palautesilmukka: te sanoitte, me teimme",
            "summary": (
                "Kerro säännöllisesti ja näkyvästi, mitä asukkaat ehdottivat, mitä "
                "ehdotuksille tehtiin ja miksi joitakin asioita ei tehty. Kun silmukka "
                "sulkeutuu, ihmiset osallistuvat myös seuraavalla kerralla."
            ),
            "purpose": (
                "Yleisin syy siihen, että asukkaat luopuvat osallistumisesta, on se, etteivät "
                "he koskaan kuule, mitä heidän ehdotuksilleen tapahtui. Yksinkertainen ja "
                "säännöllinen yhteenveto – te sanoitte, me teimme, emme voineet, koska – "  # noqa: RUF001
                "näyttää, että palaute luettiin, kertoo rajoista rehellisesti ja rakentaa "
                "luottamusta ajan mittaan."
            ),
            "when_to_use": (
                "Jokaisen kyselyn, työpajan tai charretten jälkeen sekä säännöllisenä rytminä "
                "(esimerkiksi kahden kuukauden välein) pitkän kehittämishankkeen aikana. "
                "Välttämätön silloin, kun vastaus on ei."
            ),
            "steps": (
                "1. Pidä yksinkertaista kirjaa siitä, mitä asukkaat ovat ehdottaneet. "
                "Karttapalautteen osalta alustan merkinnät ja niiden tilat hoitavat tämän.\n"
                "2. Valitse kahden kuukauden välein 5–10 asiaa: yleisimmät toiveet, tehdyt "  # noqa: RUF001
                "asiat ja asiat, joita ei tehdä.\n"
                "3. Kirjoita jokaisesta kolme lyhyttä osaa: Te sanoitte ... – Me teimme / "  # noqa: RUF001
                "teemme ... – Seuraavaksi / miksi ei ... Käytä selkeää kieltä ja nimeä "  # noqa: RUF001
                "vastuussa oleva yksikkö.\n"
                "4. Julkaise yhteenveto alustalla ja tulosta se A3-julisteeksi "
                "Länsikeskukseen, kirjastoon ja taloyhtiöiden ilmoitustauluille.\n"
                "5. Kerro siitä myös kasvokkain: vastaanotoilla, yhdistysten kokouksissa ja "
                "koulun tiedotteessa.\n"
                "6. Päivitä alkuperäisten merkintöjen tila, jotta jokainen asukas näkee "
                "vastauksen siinä, mihin hän jätti ideansa."
            ),
            "time_and_people": (
                "- Aika: 3–5 tuntia kahden kuukauden välein.\n"  # noqa: RUF001
                "- Ihmiset: projektityöntekijä kirjoittaa, ja vastuuyksiköt tarkistavat omat "
                "osuutensa.\n"
                "- Kustannukset: pienet: tulostaminen."
            ),
            "watch_out": (
                "- Älä kerro vain onnistumisista. Rehellisesti perusteltu ei rakentaa enemmän "
                "luottamusta kuin hiljaisuus.\n"
                "- Vältä virkakieltä (”asia on siirretty valmisteluun”). Kerro, mitä tapahtuu "
                "ja milloin.\n"
                "- Anna tunnustusta asukkaiden ideoille nimeämättä yksityishenkilöitä.\n"
                "- Yhteenvedon lupaus on lupaus. Kirjoita ”teemme” vain, kun budjetti ja "
                "päätös ovat olemassa."
            ),
            "evaluation": (
                "Tarkista, että silmukka todella sulkeutuu ja että se huomataan.\n"
                "\n"
                "- Niiden asukasehdotusten osuus, joilla on tila ja vastaus (tavoite 100 % "
                "kahden kuukauden sisällä).\n"
                "- Yhteenvedon lukijamäärä alustalla ja niiden paikkojen määrä, joissa "
                "juliste on esillä.\n"
                "- Seuraavassa kyselyssä kysytty osuus asukkaista, jotka tietävät, mitä "
                "heidän ehdotukselleen tapahtui (tavoitteena kasvu kierros kierrokselta).\n"
                "- Palaavien osallistujien määrä kyselystä tai tilaisuudesta toiseen."
            ),
        },
        "sv": {
            "title": "Återkopplingsslinga: ni sa, vi gjorde",
            "summary": (
                "Berätta regelbundet och synligt vad invånarna föreslog, vad som gjordes med "
                "förslagen och varför vissa saker inte gjordes. När slingan sluts deltar folk "
                "också nästa gång."
            ),
            "purpose": (
                "Den vanligaste orsaken till att invånare slutar delta är att de aldrig får "
                "höra vad som hände med deras förslag. Ett enkelt och regelbundet sammandrag "
                "– ni sa, vi gjorde, vi kunde inte eftersom – visar att synpunkterna lästes, "  # noqa: RUF001
                "förklarar gränserna ärligt och bygger förtroende över tid."
            ),
            "when_to_use": (
                "Efter varje enkät, verkstad eller charrette och som en regelbunden rytm "
                "(till exempel varannan månad) under ett långt utvecklingsprojekt. Nödvändigt "
                "när svaret är nej."
            ),
            "steps": (
                "1. För ett enkelt register över vad invånarna har föreslagit. För "
                "kartsynpunkterna sköter plattformens markeringar och deras status det här.\n"
                "2. Välj varannan månad 5–10 saker: de vanligaste önskemålen, sådant som "  # noqa: RUF001
                "gjorts och sådant som inte kommer att göras.\n"
                "3. Skriv tre korta delar om varje: Ni sa ... – Vi gjorde / vi gör ... – "  # noqa: RUF001
                "Härnäst / varför inte ... Använd klarspråk och namnge den ansvariga "
                "enheten.\n"
                "4. Publicera sammandraget på plattformen och skriv ut det som en affisch i "
                "A3-format för Länsikeskus, biblioteket och bostadsbolagens anslagstavlor.\n"
                "5. Berätta om det också ansikte mot ansikte: på mottagningarna, på "
                "föreningarnas möten och i skolans meddelanden.\n"
                "6. Uppdatera statusen för de ursprungliga markeringarna så att varje "
                "invånare ser svaret där hen lämnade sin idé."
            ),
            "time_and_people": (
                "- Tid: 3–5 timmar varannan månad.\n"  # noqa: RUF001
                "- Personer: en projektarbetare skriver, och de ansvariga enheterna granskar "
                "sina delar.\n"
                "- Kostnader: små: utskrifter."
            ),
            "watch_out": (
                "- Berätta inte bara om framgångar. Ett ärligt motiverat nej bygger mer "
                "förtroende än tystnad.\n"
                "- Undvik byråkratspråk (”ärendet har överförts till beredning”). Säg vad som "
                "händer och när.\n"
                "- Ge erkännande åt invånarnas idéer utan att namnge privatpersoner.\n"
                "- Ett löfte i sammandraget är ett löfte. Skriv ”vi kommer att” bara när "
                "budgeten och beslutet finns."
            ),
            "evaluation": (
                "Kontrollera att slingan verkligen sluts och att det märks.\n"
                "\n"
                "- Andelen invånarförslag som har status och svar (mål 100 % inom två "
                "månader).\n"
                "- Antal läsare av sammandraget på plattformen och antal platser där "
                "affischen finns uppe.\n"
                "- Andelen invånare som vet vad som hände med deras förslag, frågat i nästa "
                "enkät (målet är att andelen ökar från omgång till omgång).\n"
                "- Antal återkommande deltagare mellan enkäter eller evenemang."
            ),
        },
        "en": {
            "title": "Feedback loop: you said, we did",
            "summary": (
                "Report back regularly and visibly what residents proposed, what was done "
                "with it and why some things were not done. Closing the loop is what makes "
                "people take part again next time."
            ),
            "purpose": (
                "The most common reason residents give up on taking part is that they never "
                "hear what happened to their input. A simple, regular summary – you said, we "  # noqa: RUF001
                "did, we could not because – shows that the input was read, explains the "  # noqa: RUF001
                "limits honestly and builds trust over time."
            ),
            "when_to_use": (
                "After every survey, workshop or charrette, and as a regular rhythm (for "
                "example every two months) during a long development project. Essential when "
                "the answer is no."
            ),
            "steps": (
                "1. Keep a simple record of what residents have proposed. For map input, the "
                "platform's pins and their statuses do this for you.\n"
                "2. Every two months, pick 5–10 items: the most common wishes, things that "  # noqa: RUF001
                "were done and things that will not be done.\n"
                "3. Write each in three short parts: You said ... – We did / we are doing ... "  # noqa: RUF001
                "– Next / why not ... Use plain language and name the unit responsible.\n"  # noqa: RUF001
                "4. Publish the summary on the platform and print it as an A3 poster for "
                "Länsikeskus, the library and housing company notice boards.\n"
                "5. Tell it in person too: at office hours, at associations' meetings and in "
                "the school newsletter.\n"
                "6. Update the status of the original pins, so that each resident sees the "
                "answer where they left their idea."
            ),
            "time_and_people": (
                "- Time: 3–5 hours every two months.\n"  # noqa: RUF001
                "- People: a project worker writes, and the units responsible check their "
                "parts.\n"
                "- Cost: low: printing."
            ),
            "watch_out": (
                "- Do not report only successes. An honestly explained no builds more trust "
                "than silence.\n"
                "- Avoid officialese ('the matter has been forwarded for preparation'). Say "
                "what happens and when.\n"
                "- Give credit to residents' ideas without naming private persons.\n"
                "- A promise in the summary is a promise. Only write 'we will' when the "
                "budget and the decision exist."
            ),
            "evaluation": (
                "Check that the loop really closes and that people notice it.\n"
                "\n"
                "- Share of residents' contributions that have a status and a reply (target "
                "100% within two months).\n"
                "- Number of readers of the summary on the platform and number of places "
                "where the poster is displayed.\n"
                "- Share of residents who know what happened to their input, asked in the "
                "next survey (target: rising from one round to the next).\n"
                "- Number of participants who come back from one survey or event to the next."
            ),
        },
    },
    {
        "slug": "learning-cafe",
        "phase": Phase.EVALUATION,
        "themes": [ToolkitTheme.TOGETHER, ToolkitTheme.INFORMATION, ToolkitTheme.BUSINESS],
        "audiences": [
            Audience.OFFICIALS,
            Audience.ASSOCIATIONS,
            Audience.BUSINESSES,
            Audience.RESIDENTS,
        ],
        "time_effort": Effort.LOW,
        "people_effort": Effort.MEDIUM,
        "cost_effort": Effort.LOW,
        "related": [
            "evaluation-by-measures",
            "residents-as-developers",
            "open-space-meeting",
            "forum-theatre",
        ],
        "fi": {
            "title": "Oppimiskahvila",
            "summary": (
                "Rento tilaisuus opitun kokoamiseen: hankkeen tai kokeilun toteuttajat ja "
                "sitä käyttäneet asukkaat kiertävät pöydästä toiseen ja vastaavat kysymyksiin "
                "siitä, mikä toimi, mikä ei ja mitä teemme ensi kerralla toisin."
            ),
            "purpose": (
                "Loppuraportteja kirjoitetaan mutta harvoin luetaan. Oppimiskahvila muuttaa "
                "hankkeen kokemukset kahdessa tunnissa yhteiseksi tiedoksi, antaa asukkaille "
                "ja kumppaneille tilaisuuden kertoa, mitä järjestäjät eivät huomanneet, ja "
                "tuottaa lyhyen listan oppeja, joita seuraava hanke voi käyttää. Samalla se "
                "on tapa kiittää kaikkia mukana olleita."
            ),
            "when_to_use": (
                "Kokeilun, Asukkaat kehittäjinä -hakukierroksen tai kehittämisvuoden lopussa "
                "sekä pitkän hankkeen puolivälissä. Sopii myös koulutukseen: uudet "
                "aluekehittäjät oppivat todellisista tapauksista."
            ),
            "steps": (
                "1. Kutsu kaikki mukana olleet: järjestäjät, kaupungin viranhaltijat, "
                "yritykset, yhdistykset ja 5–10 asukasta, jotka käyttivät lopputulosta. "  # noqa: RUF001
                "Lähetä etukäteen yhden sivun yhteenveto mittareista.\n"
                "2. Järjestä 3–4 pöytää, joilla kullakin on yksi kysymys ja oma emäntä tai "  # noqa: RUF001
                "isäntä: Mikä toimi ja miksi? Mikä ei toiminut? Mikä yllätti? Mitä teemme "
                "ensi kerralla toisin?\n"
                "3. Osallistujat kiertävät pöydästä toiseen 20 minuutin kierroksin. Pöydän "
                "emäntä tai isäntä pysyy paikallaan, kertoo uusille tulijoille edellisen "
                "kierroksen annin ja kirjoittaa paperiliinaan tai fläppitaululle.\n"
                "4. Kierrosten jälkeen jokainen pöytä esittelee kolme tärkeintä asiaa.\n"
                "5. Valitkaa yhdessä 3–5 oppia ja muotoilkaa jokainen neuvoksi seuraavalle "  # noqa: RUF001
                "hankkeelle (”Sovi ensi kerralla ylläpidosta ennen kuin ...”).\n"
                "6. Julkaise opit alustalla, lisää ne aiheeseen liittyviin "
                "menetelmäkortteihin tai tarinoihin ja lähetä ne ohjausryhmälle."
            ),
            "time_and_people": (
                "- Aika: 2 tuntia, 2–3 tuntia valmistelua ja 2 tuntia kirjoittamista.\n"  # noqa: RUF001
                "- Ihmiset: vetäjä, 3–4 pöydän emäntää tai isäntää ja 12–40 osallistujaa.\n"  # noqa: RUF001
                "- Kustannukset: pienet: tila, kahvi ja pulla sekä paperiliinat."
            ),
            "watch_out": (
                "- Epäonnistumisista ei puhuta, jos pelätään syyllistämistä. Sano alussa "
                "selvästi, että tavoitteena on oppiminen eikä syyllisten etsiminen.\n"
                "- Vastuussa olevien pitäisi kuunnella enemmän kuin puhua. Pyydä kaupungin "
                "edustajia toimimaan pöytien emäntinä tai isäntinä eikä puolustamaan "
                "päätöksiä.\n"
                "- Opeilla pitää olla omistaja, muuten ne unohtuvat. Nimeä, kuka vie ne "
                "seuraavaan suunnittelukierrokseen."
            ),
            "evaluation": (
                "Tarkista, otetaanko opit käyttöön.\n"
                "\n"
                "- Osallistujien määrä ja se, kuinka moni ryhmä (asukkaat, yritykset, "
                "yhdistykset, kaupunki) oli edustettuna.\n"
                "- Kirjattujen konkreettisten oppien määrä.\n"
                "- Niiden oppien määrä, jotka näkyvät seuraavan hankkeen tai kokeilun "
                "suunnitelmissa (tarkista puolen vuoden päästä).\n"
                "- Osallistujien arvio (1–5): pystyitkö sanomaan rehellisesti, mikä ei "  # noqa: RUF001
                "toiminut?"
            ),
        },
        "sv": {
            "title": "Lärandekafé",
            "summary": (
                "Ett avslappnat tillfälle för att samla lärdomar: de som genomförde ett "
                "projekt eller försök och invånare som använde det går från bord till bord "
                "och svarar på frågor om vad som fungerade, vad som inte fungerade och vad vi "
                "gör annorlunda nästa gång."
            ),
            "purpose": (
                "Slutrapporter skrivs men läses sällan. Ett lärandekafé gör på två timmar "
                "projektets erfarenheter till gemensam kunskap, ger invånare och partner "
                "möjlighet att säga sådant som arrangörerna inte märkte och ger en kort lista "
                "med lärdomar som nästa projekt kan använda. Samtidigt är det ett sätt att "
                "tacka alla som var med."
            ),
            "when_to_use": (
                "I slutet av ett försök, en ansökningsomgång i Invånarna som utvecklare eller "
                "ett utvecklingsår, och halvvägs i ett långt projekt. Passar också för "
                "utbildning: nya områdesutvecklare lär sig av verkliga fall."
            ),
            "steps": (
                "1. Bjud in alla som var med: arrangörer, stadens tjänstemän, företag, "
                "föreningar och 5–10 invånare som använde resultatet. Skicka i förväg ett "  # noqa: RUF001
                "sammandrag på en sida av mätarna.\n"
                "2. Ordna 3–4 bord med en fråga och en värd vid varje: Vad fungerade och "  # noqa: RUF001
                "varför? Vad fungerade inte? Vad överraskade oss? Vad gör vi annorlunda nästa "
                "gång?\n"
                "3. Deltagarna byter bord i omgångar på 20 minuter. Värden stannar kvar, "
                "berättar för nykomlingarna vad förra omgången kom fram till och skriver på "
                "pappersduken eller ett blädderblock.\n"
                "4. Efter omgångarna presenterar varje värd de tre viktigaste punkterna.\n"
                "5. Välj tillsammans 3–5 lärdomar och formulera var och en som ett råd till "  # noqa: RUF001
                "nästa projekt (”Kom nästa gång överens om underhållet innan ...”).\n"
                "6. Publicera lärdomarna på plattformen, lägg till dem i de metodkort eller "
                "berättelser som hör ihop med dem och skicka dem till styrgruppen."
            ),
            "time_and_people": (
                "- Tid: 2 timmar, 2–3 timmar förberedelser och 2 timmar för att skriva ihop "  # noqa: RUF001
                "resultatet.\n"
                "- Personer: en processledare, 3–4 bordsvärdar och 12–40 deltagare.\n"  # noqa: RUF001
                "- Kostnader: små: lokal, kaffe och bulla samt pappersdukar."
            ),
            "watch_out": (
                "- Ingen pratar om misslyckanden om de är rädda för att bli skuldbelagda. Säg "
                "tydligt i början att målet är att lära, inte att hitta syndabockar.\n"
                "- De ansvariga ska lyssna mer än de talar. Be stadens representanter vara "
                "bordsvärdar i stället för att försvara beslut.\n"
                "- Lärdomarna behöver en ägare, annars glöms de bort. Utse vem som tar dem "
                "vidare till nästa planeringsomgång."
            ),
            "evaluation": (
                "Kontrollera om lärdomarna används.\n"
                "\n"
                "- Antal deltagare och hur många grupper (invånare, företag, föreningar, "
                "staden) som var representerade.\n"
                "- Antal konkreta lärdomar som skrevs ner.\n"
                "- Antal lärdomar som syns i planerna för nästa projekt eller försök "
                "(kontrollera efter ett halvår).\n"
                "- Deltagarnas bedömning (1–5): kunde du säga ärligt vad som inte fungerade?"  # noqa: RUF001
            ),
        },
        "en": {
            "title": "Learning café",
            "summary": (
                "A relaxed lessons-learned session: the people who ran a project or pilot and "
                "residents who used it move from table to table and answer questions about "
                "what worked, what did not and what we will do differently next time."
            ),
            "purpose": (
                "Final reports get written but rarely read. In two hours, a learning café "
                "turns the experience of a project into shared knowledge, lets residents and "
                "partners say what the organisers did not notice, and produces a short list "
                "of lessons the next project can use. It is also a way to thank everyone who "
                "took part."
            ),
            "when_to_use": (
                "At the end of a pilot, a Residents as developers funding round or a "
                "development year, and half-way through a long project. Good for training "
                "too: new area developers learn from real cases."
            ),
            "steps": (
                "1. Invite everyone involved: organisers, city officials, businesses, "
                "associations and 5–10 residents who used the result. Send a one-page summary "  # noqa: RUF001
                "of the measures in advance.\n"
                "2. Set up 3–4 tables, each with one question and a host: What worked and "  # noqa: RUF001
                "why? What did not work? What surprised us? What will we do differently next "
                "time?\n"
                "3. Participants move between tables in rounds of 20 minutes. The host stays, "
                "sums up the previous round for newcomers and writes on the paper tablecloth "
                "or a flip chart.\n"
                "4. After the rounds, each host presents the three most important points.\n"
                "5. Together, choose 3–5 lessons and phrase each one as advice to the next "  # noqa: RUF001
                "project ('Next time, agree on maintenance before ...').\n"
                "6. Publish the lessons on the platform, add them to the related method cards "
                "or stories and send them to the steering group."
            ),
            "time_and_people": (
                "- Time: 2 hours, plus 2–3 hours to prepare and 2 hours to write up.\n"  # noqa: RUF001
                "- People: a facilitator, 3–4 table hosts and 12–40 participants.\n"  # noqa: RUF001
                "- Cost: low: a space, coffee and buns, and paper tablecloths."
            ),
            "watch_out": (
                "- Nobody talks about failures if they fear blame. Say clearly at the start "
                "that the aim is to learn, not to find someone to blame.\n"
                "- Those in charge should listen more than they speak. Ask the city's "
                "representatives to host tables rather than defend decisions.\n"
                "- Lessons need an owner or they are forgotten. Name the person who takes "
                "them to the next planning round."
            ),
            "evaluation": (
                "Check whether the lessons are used.\n"
                "\n"
                "- Number of participants and how many groups (residents, businesses, "
                "associations, the city) were represented.\n"
                "- Number of concrete lessons written down.\n"
                "- Number of lessons that show up in the plans of the next project or pilot "
                "(check after six months).\n"
                "- Participants' rating (1–5): could you say honestly what did not work?"  # noqa: RUF001
            ),
        },
    },
)

STORIES: tuple[dict[str, Any], ...] = (
    {
        "slug": "coffee-with-the-area-coordinator",
        "themes": [ToolkitTheme.INFORMATION, ToolkitTheme.TOGETHER, ToolkitTheme.BUSINESS],
        "audiences": [Audience.OFFICIALS, Audience.RESIDENTS, Audience.BUSINESSES],
        "methods": ["neighbourhood-office-hours", "you-said-we-did", "map-survey"],
        "place": (23.6283, 61.4995),
        "video_url": "",
        "fi": {
            "title": "Kahvilla aluekoordinaattorin kanssa",
            "summary": (
                "Tesoman aluekoordinaattori siirsi vastaanottonsa virastosta Länsikeskuksen "
                "kahvilaan ja taloyhtiön saunailtoihin. Vuodessa hän kävi yli 400 "
                "keskustelua, ja suurin osa keskustelijoista ei ollut koskaan aiemmin ottanut "
                "yhteyttä kaupunkiin."
            ),
            "place_name": "Länsikeskuksen kahvila",
            "situation": (
                "Uudistuksen alussa kaupungin avoimiin infoiltoihin tuli joka kerta samat "
                "20–30 ihmistä, enimmäkseen valmiiksi aktiivisia eläkeläisiä. Karttakysely "  # noqa: RUF001
                "osoitti, että moni asukas koki, ettei kaupunki kuuntele, mutta harva tuli "
                "sanomaan sitä kasvokkain. Paikallisissa someryhmissä levisi huhuja "
                "kauppakeskuksen tulevaisuudesta."
            ),
            "what_was_done": (
                "Syksystä alkaen aluekoordinaattori piti vastaanottoa joka toinen "
                "tiistai-iltapäivä ja kerran kuussa illalla perheyrityksen pyörittämässä "
                "kahvilassa Länsikeskuksessa. Kahvilayrittäjä varasi hänelle nurkkapöydän, ja "
                "vastineeksi vastaanoton kahvit ostettiin kahvilasta. Pöydällä olivat rollup, "
                "iso Tesoman kartta ja yksinkertainen muistiinpanolomake. Talvella suuren "
                "taloyhtiön hallitus kutsui hänet asukkaiden yhteiseen saunailtaan: ensin "
                "saunottiin, sitten juteltiin kerhohuoneessa mehun ja makkaran äärellä. Joka "
                "kuukausi hän julkaisi alustalla ja kauppakeskuksen julisteessa ”kysyitte, "
                "vastasimme” -listan."
            ),
            "who": (
                "Kaupungin aluekoordinaattori, Länsikeskuksen kahvilayrittäjä, taloyhtiön "
                "hallitus sekä katujen kunnossapidon ja nuorisopalvelujen kollegat, jotka "
                "osallistuivat osaan vastaanotoista."
            ),
            "what_happened": (
                "Kahdessatoista kuukaudessa koordinaattori kirjasi 430 keskustelua. Noin 60 % "
                "keskustelijoista kertoi, ettei ollut koskaan aiemmin ottanut yhteyttä "
                "kaupunkiin. Yleisimmät aiheet olivat Länsikeskukseen vievien polkujen "
                "lumityöt, nuorten iltatekeminen ja kauppakeskuksen palvelujen tulevaisuus. "
                "Neljätoista pientä korjausta tehtiin kuukauden sisällä, ja kahdesta aiheesta "
                "tuli kokeiluja. Kahvilayrittäjän mukaan tiistai-iltapäivisin asiakkaita oli "
                "aiempaa enemmän. Saunaillat olivat ainoa tilaisuus, johon osallistui useita "
                "ulkomaalaistaustaisia asukkaita."
            ),
            "lessons": (
                "- Säännöllisyys oli tärkeämpää kuin paikka: ihmiset tulivat, koska tiesivät "
                "hänen olevan paikalla.\n"
                "- Vastaaminen luvatussa kahdessa viikossa oli vaikeaa mutta välttämätöntä. "
                "Yksikin vastaamatta jäänyt kysymys kiiri nopeasti.\n"
                "- Saunailta toimi, koska kutsu tuli taloyhtiöltä eikä kaupungilta.\n"
                "- Valtuudet saada vastauksia muista yksiköistä tekivät vastaanotosta enemmän "
                "kuin valituspisteen."
            ),
            "discussion_questions": (
                "1. Missä alueenne ihmiset kohtaavat muutenkin, ja kuka voisi ottaa kaupungin "
                "viranhaltijan sinne vieraaksi?\n"
                "2. Mitä tarvitsisit omalta organisaatioltasi, jotta voisit vastata "
                "asukkaiden kysymyksiin kahdessa viikossa?\n"
                "3. Mitä ryhmiä kahvilassakaan ei tavoitettaisi, ja miten voisit kohdata "
                "heidät?\n"
                "4. Mistä tietäisit vuoden päästä, oliko vastaanotto käytetyn ajan arvoinen?"
            ),
            "transcript": (
                "Kertoja: Tiistai-iltapäivä Tesoman Länsikeskuksessa. Pienen kahvilan "
                "nurkkapöytään kaupungin aluekoordinaattori on levittänyt ison kartan "
                "alueesta.\n"
                "Aluekoordinaattori: Ihmiset eivät tule virastoon. Siksi minä tulen tänne "
                "joka toinen tiistai kahvin ja kartan kanssa.\n"
                "Kertoja: Iäkäs mies pysähtyy kysymään terveysasemalle vievän polun "
                "lumitöistä. Lastenvaunuja työntävä äiti haluaa tietää, milloin leikkipaikka "
                "korjataan.\n"
                "Aluekoordinaattori: Kirjaan kaiken ylös ilman nimiä. Mihin pystyn, vastaan "
                "heti. Muihin lupaan vastauksen kahdessa viikossa.\n"
                "Kertoja: Talvella taloyhtiö kutsui hänet saunailtaansa. Saunan jälkeen "
                "asukkaat juttelivat kerhohuoneessa mehun ja makkaran äärellä.\n"
                "Asukas: Olen asunut täällä kolmekymmentä vuotta enkä ole koskaan soittanut "
                "kaupungille. Mutta saunan jälkeen oli helppo sanoa, mikä minua vaivaa.\n"
                "Kertoja: Vuodessa keskusteluja kertyi yli neljäsataa. Neljätoista pientä "
                "korjausta tehtiin kuukauden sisällä, ja kahdesta ideasta tuli kokeiluja.\n"
                "Kahvilayrittäjä: Tiistait ovat nyt vilkkaampia. Ihmiset tulevat "
                "koordinaattorin takia ja jäävät pullakahville.\n"
                "Kertoja: Joka kuukausi vastaukset julkaistaan alustalla ja julisteena täällä "
                "kauppakeskuksessa: kysyitte, vastasimme."
            ),
        },
        "sv": {
            "title": "På kaffe med områdeskoordinatorn",
            "summary": (
                "Tesomas områdeskoordinator flyttade sina mottagningar från ämbetsverket till "
                "ett kafé i Länsikeskus och till ett bostadsbolags bastukvällar. Under ett år "
                "förde hon över 400 samtal, de flesta med personer som aldrig tidigare hade "
                "kontaktat staden."
            ),
            "place_name": "Kaféet i Länsikeskus",
            "situation": (
                "I början av förnyelsen kom samma 20–30 personer till stadens öppna "  # noqa: RUF001
                "informationskvällar varje gång, mest pensionärer som redan var aktiva. "
                "Kartenkäten visade att många invånare upplevde att staden inte lyssnar, men "
                "få kom för att säga det ansikte mot ansikte. I lokala grupper i sociala "
                "medier spreds rykten om köpcentrets framtid."
            ),
            "what_was_done": (
                "Från hösten höll områdeskoordinatorn mottagning varannan tisdagseftermiddag "
                "och en kväll i månaden på ett familjedrivet kafé i Länsikeskus. "
                "Kaféföretagaren reserverade ett hörnbord åt henne, och i gengäld köptes "
                "mottagningens kaffe på kaféet. På bordet fanns en rollup, en stor karta över "
                "Tesoma och en enkel blankett för anteckningar. På vintern bjöd styrelsen i "
                "ett stort bostadsbolag in henne till invånarnas gemensamma bastukväll: först "
                "badade man bastu, sedan pratade man i klubbrummet över saft och korv. Varje "
                "månad publicerade hon en lista med rubriken ”Ni frågade, vi svarade” på "
                "plattformen och som affisch i köpcentret."
            ),
            "who": (
                "Stadens områdeskoordinator, en kaféföretagare i Länsikeskus, styrelsen för "
                "ett bostadsbolag samt kolleger från gatuunderhållet och ungdomstjänsterna "
                "som deltog i en del av mottagningarna."
            ),
            "what_happened": (
                "Under tolv månader antecknade koordinatorn 430 samtal. Omkring 60 % av dem "
                "hon talade med sa att de aldrig tidigare hade kontaktat staden. De "
                "vanligaste ämnena var snöröjningen på gångvägarna till Länsikeskus, saker "
                "för unga att göra på kvällarna och framtiden för köpcentrets service. "
                "Fjorton små reparationer gjordes inom en månad och två ämnen blev försök. "
                "Enligt kaféföretagaren kom det fler kunder på tisdagseftermiddagarna än "
                "tidigare. Bastukvällarna var det enda tillfälle där flera invånare med "
                "utländsk bakgrund deltog."
            ),
            "lessons": (
                "- Regelbundenheten var viktigare än platsen: folk kom eftersom de visste att "
                "hon skulle vara där.\n"
                "- Att svara inom de utlovade två veckorna var svårt men nödvändigt. Ett enda "
                "obesvarat ärende spreds snabbt.\n"
                "- Bastukvällen fungerade eftersom inbjudan kom från bostadsbolaget och inte "
                "från staden.\n"
                "- Mandatet att få svar från andra enheter gjorde mottagningen till mer än en "
                "klagomålsdisk."
            ),
            "discussion_questions": (
                "1. Var träffas människorna i ert område ändå, och vem kunde ta emot en "
                "tjänsteman från staden där?\n"
                "2. Vad skulle du behöva från din egen organisation för att kunna svara på "
                "invånarnas frågor inom två veckor?\n"
                "3. Vilka grupper skulle inte heller nås på ett kafé, och hur kunde du möta "
                "dem?\n"
                "4. Hur skulle du efter ett år veta om mottagningarna var värda tiden?"
            ),
            "transcript": (
                "Berättare: Tisdagseftermiddag i köpcentret Länsikeskus i Tesoma. Vid ett "
                "hörnbord på ett litet kafé har stadens områdeskoordinator brett ut en stor "
                "karta över området.\n"
                "Områdeskoordinator: Folk kommer inte till ämbetsverket. Därför kommer jag "
                "hit, varannan tisdag, med kaffe och kartan.\n"
                "Berättare: En äldre man stannar och frågar om snöröjningen på gångvägen till "
                "hälsostationen. En mamma med barnvagn vill veta när lekplatsen ska "
                "repareras.\n"
                "Områdeskoordinator: Jag skriver upp allt utan namn. Det jag kan svara på "
                "svarar jag på direkt. För resten lovar jag svar inom två veckor.\n"
                "Berättare: På vintern bjöd ett bostadsbolag in henne till sin bastukväll. "
                "Efter bastun pratade invånarna i klubbrummet över saft och korv.\n"
                "Invånare: Jag har bott här i trettio år och aldrig ringt staden. Men efter "
                "bastun var det lätt att säga vad som stör mig.\n"
                "Berättare: På ett år blev det över fyrahundra samtal. Fjorton små "
                "reparationer gjordes inom en månad och två idéer blev försök.\n"
                "Kaféföretagare: Tisdagarna är livligare nu. Folk kommer för koordinatorns "
                "skull och stannar på kaffe och bulle.\n"
                "Berättare: Varje månad publiceras svaren på plattformen och på en affisch "
                "här i köpcentret: ni frågade, vi svarade."
            ),
        },
        "en": {
            "title": "Coffee with the area coordinator",
            "summary": (
                "Tesoma's area coordinator moved her office hours from the city office to a "
                "café in Länsikeskus and to a housing company's sauna evenings. In a year she "
                "had over 400 conversations, most of them with people who had never contacted "
                "the city before."
            ),
            "place_name": "A café in the Länsikeskus shopping centre",
            "situation": (
                "At the start of the renewal, the city's open information evenings drew the "
                "same 20–30 people every time, mostly retired residents who were already "  # noqa: RUF001
                "active. The map survey showed that many residents felt the city did not "
                "listen, but few came to say so in person. Rumours about the shopping "
                "centre's future were spreading in local social media groups."
            ),
            "what_was_done": (
                "From the autumn on, the area coordinator held office hours every other "
                "Tuesday afternoon and one evening a month at a family-run café in "
                "Länsikeskus. The café owner kept a corner table for her, and in return the "
                "coffee for the office hours was bought at the café. On the table were a "
                "roll-up banner, a large map of Tesoma and a simple form for notes. In "
                "winter, the board of a large housing company invited her to the residents' "
                "shared sauna evening: first the sauna, then a chat in the club room over "
                "juice and sausages. Every month she published a 'you asked, we answered' "
                "list on the platform and as a poster in the shopping centre."
            ),
            "who": (
                "The city's area coordinator, a café entrepreneur at Länsikeskus, the board "
                "of a housing company, and colleagues from street maintenance and youth "
                "services who joined some of the sessions."
            ),
            "what_happened": (
                "In twelve months the coordinator recorded 430 conversations. About 60% of "
                "the people she spoke with said they had never contacted the city before. The "
                "most common topics were snow clearing on the paths to Länsikeskus, things "
                "for young people to do in the evenings and the future of the shopping "
                "centre's services. Fourteen small repairs were made within a month, and two "
                "topics became pilots. The café owner said there were more customers on "
                "Tuesday afternoons than before. The sauna evenings were the only occasion "
                "where several residents with a foreign background took part."
            ),
            "lessons": (
                "- Regularity mattered more than the place: people came because they knew she "
                "would be there.\n"
                "- Answering within the promised two weeks was hard but essential. A single "
                "unanswered question got around quickly.\n"
                "- The sauna evening worked because the invitation came from the housing "
                "company, not from the city.\n"
                "- A mandate to get answers from other units made the office hours more than "
                "a complaints desk."
            ),
            "discussion_questions": (
                "1. Where do people in your area meet anyway, and who could host a city "
                "official there?\n"
                "2. What would you need from your own organisation to answer residents' "
                "questions within two weeks?\n"
                "3. Which groups would you still not reach at a café, and how could you meet "
                "them?\n"
                "4. How would you know after a year whether the office hours were worth the "
                "time?"
            ),
            "transcript": (
                "Narrator: Tuesday afternoon at the Länsikeskus shopping centre in Tesoma. At "
                "a corner table in a small café, the city's area coordinator has spread out a "
                "big map of the neighbourhood.\n"
                "Area coordinator: People don't come to the city office. So I come here, "
                "every other Tuesday, with coffee and the map.\n"
                "Narrator: An older man stops to ask about snow clearing on the path to the "
                "health centre. A mother with a pram wants to know when the playground will "
                "be fixed.\n"
                "Area coordinator: I write everything down without names. What I can answer, "
                "I answer on the spot. For the rest, I promise a reply within two weeks.\n"
                "Narrator: In winter, a housing company invited her to its sauna evening. "
                "After the sauna, residents talked in the club room over juice and "
                "sausages.\n"
                "Resident: I've lived here for thirty years and never called the city. But "
                "after the sauna it was easy to say what bothers me.\n"
                "Narrator: In a year she had over four hundred conversations. Fourteen small "
                "repairs were made within a month, and two ideas became pilots.\n"
                "Café owner: Tuesdays are busier now. People come for the coordinator and "
                "stay for coffee and a bun.\n"
                "Narrator: Every month the answers go up on the platform and on a poster here "
                "in the shopping centre: you asked, we answered."
            ),
        },
    },
    {
        "slug": "participatory-budget-with-price-tags",
        "themes": [
            ToolkitTheme.YOUNG_PEOPLE,
            ToolkitTheme.ROUTES,
            ToolkitTheme.TOGETHER,
            ToolkitTheme.INFORMATION,
        ],
        "audiences": [
            Audience.RESIDENTS,
            Audience.OFFICIALS,
            Audience.YOUNG_PEOPLE,
            Audience.ASSOCIATIONS,
        ],
        "methods": ["map-survey", "youth-co-design", "you-said-we-did", "evaluation-by-measures"],
        "place": (23.618, 61.503),
        "video_url": "",
        "fi": {
            "title": "Osallistuva budjetointi hintalappujen kanssa",
            "summary": (
                "Tampere varasi 150 000 euroa asukkaiden ideoille Tesomalla. Jokainen ehdotus "
                "sai kaupungin asiantuntijoilta realistisen hinnan ennen äänestystä, joten "
                "asukkaat valitsivat tietäen, mitä asiat oikeasti maksavat – ja nuorten ideat "  # noqa: RUF001
                "saivat eniten ääniä."
            ),
            "place_name": "Tesoman liikuntapaikat ja puistot",
            "situation": (
                "Asukkaat olivat merkinneet kartalle satoja toiveita uudesta liikuntahallista "
                "penkkeihin Länsikeskukseen vievien polkujen varrella. Kaupungin budjetti "
                "alueelle oli rajallinen, ja aiemmat kokemukset osoittivat, että epämääräiset "
                "lupaukset (”selvitetään”) aiheuttivat vain turhautumista. Haasteena oli "
                "antaa asukkaiden päättää oikeasta rahasta ja kertoa samalla rehellisesti, "
                "mitä sillä saa."
            ),
            "what_was_done": (
                "Kaupunki varasi vuodeksi 150 000 euroa. Asukkailla oli viisi viikkoa aikaa "
                "jättää ideoita alustalla sekä Länsikeskuksen ja kirjaston ideapisteillä. "
                "Nuoret kehittivät ideoita yhteissuunnittelun työpajoissa kahdessa koulussa. "
                "Sen jälkeen kaupungin asiantuntijat antoivat jokaiselle "
                "toteuttamiskelpoiselle idealle hintalapun, joka kattoi rakentamisen, kolmen "
                "vuoden ylläpidon ja mahdolliset luvat. Ideoille, joita ei voitu toteuttaa "
                "(esimerkiksi yksityisellä maalla tai selvästi budjetin yli), kirjoitettiin "
                "lyhyt julkinen perustelu. Samankaltaiset ideat yhdistettiin ehdottajien "
                "luvalla. Vähintään 12-vuotiaat asukkaat äänestivät alustalla ja "
                "äänestyspisteellä jakamalla 150 000 euroa kuin ostoskorissa: ääni oli pätevä "
                "vain, jos valitut ideat mahtuivat budjettiin."
            ),
            "who": (
                "Kaupungin osallisuustiimi ja aluekoordinaattori, katujen ja puistojen "
                "kunnossapidon asiantuntijat, nuorisopalvelut, kahden koulun oppilaat ja "
                "opettajat, äänestyspisteitä pyörittäneet asukasyhdistykset sekä "
                "Länsikeskuksen johto, joka lainasi tilan äänestyspisteelle."
            ),
            "what_happened": (
                "Ideoita jätettiin 112, ja niistä 41 hinnoiteltiin ja vietiin äänestykseen. "
                "Äänestäjiä oli 2 300, ja heistä kolmannes oli alle 20-vuotiaita. Voittajia "
                "olivat valaistus ja penkit liikuntapuiston vierellä kulkevalle polulle (38 "
                "000 euroa), nuorten iltatoimintatila tyhjässä liiketilassa Länsikeskuksessa "
                "(45 000 euroa ensimmäiseksi vuodeksi), ulkokuntosalin laitteet (27 000 "
                "euroa) ja yhteisöpuutarha (12 000 euroa). Loput rahat menivät pienempiin "
                "ideoihin. Hintalaput herättivät eniten keskustelua: moni asukas kertoi "
                "ymmärtäneensä ensimmäistä kertaa, miksi ”tavallinen” penkki maksaa "
                "asennuksineen ja ylläpitoineen yli 2 000 euroa. Puolentoista vuoden päästä "
                "kaikki voittaneet ideat oli toteutettu puutarhan vesiliittymää lukuun "
                "ottamatta."
            ),
            "lessons": (
                "- Todellisten kustannusten näyttäminen ylläpito mukaan lukien muutti "
                "valitukset harkituiksi valinnoiksi.\n"
                "- Ostoskorin tapainen äänestys pakotti vertailemaan, ja pienet ideat menivät "
                "läpi suurten rinnalla.\n"
                "- Nuoret äänestivät, kun äänestys tuli heidän kouluunsa ja heidän omat "
                "ideansa olivat listalla.\n"
                "- 41 idean hinnoittelu vei asiantuntijoilta enemmän aikaa kuin oli "
                "suunniteltu. Varaa aika heidän työsuunnitelmiinsa.\n"
                "- Julkaise karsittujen ideoiden perustelut yhtä huolellisesti kuin "
                "voittajat."
            ),
            "discussion_questions": (
                "1. Mitä ”realistinen hinta” sisältäisi teidän organisaationne tapauksessa, "
                "ja kuka voisi arvioida sen nopeasti?\n"
                "2. Miten selittäisit asukkaalle, miksi hänen ideansa ei päässyt "
                "äänestykseen?\n"
                "3. Nuorten ideat saivat paljon ääniä. Mikä teki sen mahdolliseksi, ja miten "
                "sen voisi toistaa?\n"
                "4. Mitä mittaisit tietääksesi, lisäsikö osallistuva budjetointi luottamusta "
                "kaupunkiin?"
            ),
            "transcript": (
                "Kertoja: Sataviisikymmentätuhatta euroa, ja Tesoman asukkaat päättävät, "
                "mihin se käytetään.\n"
                "Osallisuuskoordinaattori: Emme halunneet kysyä toiveita kertomatta, mitä "
                "asiat maksavat. Siksi jokainen idea sai hintalapun ennen äänestystä.\n"
                "Kertoja: Penkki asennuksineen ja kolmen vuoden ylläpitoineen: yli "
                "kaksituhatta euroa. Valaistus liikuntapuiston vierelle polulle: "
                "kolmekymmentäkahdeksantuhatta.\n"
                "Asukas: Ensin yllätyin. Mutta kun näkee hinnan, alkaa vertailla. Haluanko "
                "penkin vai valot lapsille, jotka kävelevät kotiin?\n"
                "Kertoja: Kahdessa koulussa oppilaat suunnittelivat omia ideoitaan. Nuorten "
                "iltatila Länsikeskuksessa sai kaikkein eniten ääniä.\n"
                "Oppilas: Luultiin, että aikuiset päättää kuitenkin. Mutta meidän idea "
                "voitti.\n"
                "Kertoja: Äänestäjiä oli yli kaksituhatta, ja heistä kolmannes oli alle "
                "kaksikymmentävuotiaita. Puolentoista vuoden päästä lähes kaikki oli "
                "rakennettu.\n"
                "Osallisuuskoordinaattori: Vaikeinta oli sanoa ei. Kirjoitimme perustelun "
                "jokaiselle idealle, joka ei päässyt äänestykseen."
            ),
        },
        "sv": {
            "title": "Deltagande budgetering med prislappar",
            "summary": (
                "Tammerfors reserverade 150 000 euro för invånarnas idéer i Tesoma. Varje "
                "förslag fick ett realistiskt pris av stadens experter före omröstningen, så "
                "invånarna valde med vetskap om vad saker verkligen kostar – och de ungas "  # noqa: RUF001
                "idéer fick flest röster."
            ),
            "place_name": "Idrottsplatser och parker i Tesoma",
            "situation": (
                "Invånarna hade satt ut hundratals önskemål på kartan, från en ny idrottshall "
                "till bänkar längs gångvägarna till Länsikeskus. Stadens budget för området "
                "var begränsad, och tidigare erfarenheter visade att vaga löften (”vi utreder "
                "saken”) bara ledde till frustration. Utmaningen var att låta invånarna "
                "besluta om riktiga pengar och samtidigt vara ärlig om vad pengarna räcker "
                "till."
            ),
            "what_was_done": (
                "Staden reserverade 150 000 euro för ett år. Invånarna hade fem veckor på sig "
                "att lämna idéer på plattformen och vid idéstationer i Länsikeskus och på "
                "biblioteket. De unga utvecklade idéer i samskapande verkstäder i två skolor. "
                "Därefter gav stadens experter varje genomförbar idé en prislapp som täckte "
                "byggande, underhåll i tre år och eventuella tillstånd. För idéer som inte "
                "kunde genomföras (till exempel på privat mark eller långt över budgeten) "
                "skrevs en kort offentlig motivering. Liknande idéer slogs ihop med "
                "förslagsställarnas samtycke. Invånare från 12 år uppåt röstade på "
                "plattformen och vid en röststation genom att fördela 150 000 euro som i en "
                "varukorg: rösten var giltig bara om de valda idéerna rymdes i budgeten."
            ),
            "who": (
                "Stadens delaktighetsteam och områdeskoordinator, experter från gatu- och "
                "parkunderhållet, ungdomstjänsterna, elever och lärare i två skolor, "
                "invånarföreningar som skötte röststationerna och ledningen för Länsikeskus, "
                "som lånade ut en lokal för röststationen."
            ),
            "what_happened": (
                "Sammanlagt lämnades 112 idéer in, och 41 av dem prissattes och gick till "
                "omröstning. Av de 2 300 invånare som röstade var en tredjedel under 20 år. "
                "Vinnarna blev belysning och bänkar längs gångvägen vid idrottsparken (38 000 "
                "euro), en lokal för ungas kvällsverksamhet i en tom affärslokal i "
                "Länsikeskus (45 000 euro för det första året), ett utegym (27 000 euro) och "
                "en gemenskapsodling (12 000 euro). Resten av pengarna gick till mindre "
                "idéer. Prislapparna väckte mest diskussion: flera invånare sa att de för "
                "första gången förstod varför en ”vanlig” bänk kostar över 2 000 euro med "
                "montering och underhåll. Efter ett och ett halvt år hade alla vinnande idéer "
                "genomförts utom odlingens vattenanslutning."
            ),
            "lessons": (
                "- Att visa de verkliga kostnaderna, underhållet inräknat, gjorde klagomål "
                "till genomtänkta val.\n"
                "- Omröstningen enligt varukorgsmodellen tvingade fram jämförelser, och små "
                "idéer gick igenom vid sidan av stora.\n"
                "- De unga röstade när omröstningen kom till deras skola och deras egna idéer "
                "fanns på listan.\n"
                "- Att prissätta 41 idéer tog mer av experternas tid än planerat. Reservera "
                "tiden i deras arbetsplaner.\n"
                "- Publicera motiveringarna för de idéer som föll bort lika omsorgsfullt som "
                "vinnarna."
            ),
            "discussion_questions": (
                "1. Vad skulle ett ”realistiskt pris” omfatta i er organisations fall, och "
                "vem kunde uppskatta det snabbt?\n"
                "2. Hur skulle du förklara för en invånare varför hens idé inte kom med i "
                "omröstningen?\n"
                "3. De ungas idéer fick många röster. Vad gjorde det möjligt, och hur kunde "
                "ni upprepa det?\n"
                "4. Vad skulle du mäta för att veta om den deltagande budgeteringen ökade "
                "förtroendet för staden?"
            ),
            "transcript": (
                "Berättare: Hundrafemtiotusen euro, och invånarna i Tesoma bestämmer hur "
                "pengarna ska användas.\n"
                "Delaktighetskoordinator: Vi ville inte fråga efter önskemål utan att berätta "
                "vad saker kostar. Därför fick varje idé en prislapp före omröstningen.\n"
                "Berättare: En bänk med montering och tre års underhåll: över tvåtusen euro. "
                "Belysning längs gångvägen vid idrottsparken: trettioåttatusen.\n"
                "Invånare: Först blev jag förvånad. Men när man ser priset börjar man "
                "jämföra. Vill jag ha bänken eller lamporna för barnen som går hem?\n"
                "Berättare: I två skolor planerade eleverna egna idéer. En kvällslokal för "
                "unga i Länsikeskus fick flest röster av alla.\n"
                "Elev: Vi trodde att de vuxna bestämmer i alla fall. Men vår idé vann.\n"
                "Berättare: Över tvåtusen invånare röstade, en tredjedel av dem under tjugo "
                "år. Ett och ett halvt år senare var nästan allt byggt.\n"
                "Delaktighetskoordinator: Det svåraste var att säga nej. Vi skrev en "
                "motivering för varje idé som inte kom med i omröstningen."
            ),
        },
        "en": {
            "title": "Participatory budget with price tags",
            "summary": (
                "Tampere set aside 150,000 euros for residents' ideas in Tesoma. Every "
                "proposal got a realistic price from the city's experts before the vote, so "
                "residents chose knowing what things really cost – and young people's ideas "  # noqa: RUF001
                "won the most votes."
            ),
            "place_name": "Tesoma's sports grounds and parks",
            "situation": (
                "Residents had pinned hundreds of wishes on the map, from a new sports hall "
                "to benches along the paths to Länsikeskus. The city's budget for the area "
                "was limited, and earlier experience showed that vague promises ('we will "
                "look into it') only caused frustration. The challenge was to let residents "
                "decide on real money while being honest about what it could buy."
            ),
            "what_was_done": (
                "The city set aside 150,000 euros for one year. Residents had five weeks to "
                "submit ideas on the platform and at idea stands in Länsikeskus and the "
                "library. Young people developed ideas in co-design workshops at two schools. "
                "City experts then gave every feasible idea a price tag covering "
                "construction, three years of maintenance and any permits. For ideas that "
                "could not be carried out (for example on private land or far over the "
                "budget), they wrote a short public reason. Similar ideas were merged with "
                "the proposers' consent. Residents aged 12 and over voted on the platform and "
                "at a ballot stand by spending the 150,000 euros like a shopping basket: a "
                "vote was valid only if the chosen ideas fitted within the budget."
            ),
            "who": (
                "The city's participation team and area coordinator, experts from street and "
                "park maintenance, youth services, pupils and teachers at two schools, "
                "residents' associations that ran the ballot stands, and the Länsikeskus "
                "management, which lent a space for the ballot stand."
            ),
            "what_happened": (
                "In all, 112 ideas were submitted; 41 were costed and went to the vote. Of "
                "the 2,300 residents who voted, a third were under 20. The winners were "
                "lighting and benches on the path along the sports park (38,000 euros), an "
                "evening activity space for young people in an empty shop unit at Länsikeskus "
                "(45,000 euros for the first year), outdoor gym equipment (27,000 euros) and "
                "a community garden (12,000 euros). The rest of the money went to smaller "
                "ideas. The price tags were the most talked-about part: several residents "
                "said it was the first time they understood why an 'ordinary' bench costs "
                "over 2,000 euros with installation and maintenance. Eighteen months later, "
                "all the winning ideas had been carried out except the garden's water "
                "connection."
            ),
            "lessons": (
                "- Showing the real costs, maintenance included, turned complaints into "
                "informed choices.\n"
                "- The shopping-basket vote made people compare, and small ideas got through "
                "alongside big ones.\n"
                "- Young people voted when the vote came to their school and their own ideas "
                "were on the list.\n"
                "- Costing 41 ideas took the experts more time than planned. Reserve that "
                "time in their work plans.\n"
                "- Publish the reasons for ideas that did not go to the vote as carefully as "
                "the winners."
            ),
            "discussion_questions": (
                "1. What would a 'realistic price' include in your organisation's case, and "
                "who could estimate it quickly?\n"
                "2. How would you explain to a resident why their idea did not go to the "
                "vote?\n"
                "3. Young people's ideas won many votes. What made that possible, and how "
                "could you repeat it?\n"
                "4. What would you measure to know whether the participatory budget increased "
                "trust in the city?"
            ),
            "transcript": (
                "Narrator: One hundred and fifty thousand euros, and the residents of Tesoma "
                "decide how to spend it.\n"
                "Participation coordinator: We didn't want to ask for wishes without saying "
                "what things cost. So every idea got a price tag before the vote.\n"
                "Narrator: A bench with installation and three years of maintenance: over two "
                "thousand euros. Lighting for the path along the sports park: thirty-eight "
                "thousand.\n"
                "Resident: At first I was surprised. But when you see the price, you start "
                "comparing. Do I want the bench, or the lights for the kids walking home?\n"
                "Narrator: At two schools, pupils designed their own ideas. An evening space "
                "for young people at Länsikeskus got the most votes of all.\n"
                "Pupil: We thought the adults would decide anyway. But our idea won.\n"
                "Narrator: Over two thousand residents voted, a third of them under twenty. "
                "Eighteen months later, almost everything had been built.\n"
                "Participation coordinator: The hardest part was saying no. We wrote a reason "
                "for every idea that didn't make it to the vote."
            ),
        },
    },
    {
        "slug": "learning-from-a-partner-suburb",
        "themes": [ToolkitTheme.BUSINESS, ToolkitTheme.TOGETHER, ToolkitTheme.INFORMATION],
        "audiences": [
            Audience.OFFICIALS,
            Audience.BUSINESSES,
            Audience.ASSOCIATIONS,
            Audience.YOUNG_PEOPLE,
        ],
        "methods": ["learning-cafe", "walking-workshop", "pop-up-pilot", "evaluation-by-measures"],
        "place": None,
        "video_url": "",
        "fi": {
            "title": "Mitä Tesoma oppi kumppanilähiöltä",
            "summary": (
                "EU-rahoitteisen kaupunkiverkoston kautta Tampereen viranhaltijat, "
                "Länsikeskuksen kauppias ja asukasyhdistys vierailivat hollantilaisessa "
                "1970-luvun lähiössä, joka oli täyttänyt tyhjiä liiketiloja paikallisella "
                "väliaikaiskäytöllä. Kotona he kokeilivat ideaa Länsikeskuksessa – "  # noqa: RUF001
                "sovitettuna, ei kopioituna."
            ),
            "place_name": "Tesoma ja kumppanilähiö Alankomaissa",
            "situation": (
                "Länsikeskuksessa oli useita tyhjiä liiketiloja, ja charrette oli nimennyt "
                "yritys- ja palvelukehityksen yhdeksi teemoistaan. Kaupunki oli yrittänyt "
                "houkutella uusia vuokralaisia tavallisia reittejä pitkin tuloksetta. Tampere "
                "oli liittynyt kahden vuoden vaihtoverkostoon, jossa yhdeksän eurooppalaista "
                "kaupunkia uudistaa samanikäisiä lähiöitä. Verkostolla oli budjetti "
                "opintomatkoille."
            ),
            "what_was_done": (
                "Kaupunki ei lähettänyt matkalle pelkkiä viranhaltijoita vaan kokosi "
                "paikallisen ryhmän: aluekoordinaattori, yritysneuvoja, Länsikeskuksen "
                "kauppias, asukasyhdistyksen edustaja ja nuori nuorisovaltuustosta. "
                "Kumppanilähiössä ryhmä osallistui kävelytyöpajaan paikallisen ostoskeskuksen "
                "ympäristössä ja haastatteli yrittäjiä, jotka olivat aloittaneet "
                "väliaikaisissa tiloissa edullisella vuokralla. Hollantilaiset kollegat "
                "tulivat vastavierailulle Tesomalle puoli vuotta myöhemmin ja osallistuivat "
                "karttakyselyn kyselypisteeseen ja oppimiskahvilaan. Kotona ryhmä piti "
                "oppimiskahvilan ja päätti, mikä sopii Tesomalle: 3–6 kuukauden lyhyet "  # noqa: RUF001
                "vuokrasopimukset, yhden liiketilan jakaminen usean pienen toimijan kesken ja "
                "selkeät mittarit alusta asti."
            ),
            "who": (
                "Kaupungin aluekoordinaattori ja elinkeinopalvelut, Länsikeskuksen johto ja "
                "yksi kauppias, asukasyhdistys, nuorisovaltuusto sekä kumppanikaupungin "
                "aluetiimi. Verkoston vetäjäkumppani järjesti vierailut."
            ),
            "what_happened": (
                "Kauppakeskuksen johto suostui vuokraamaan yhden tyhjän tilan alennetulla "
                "vuokralla kuudeksi kuukaudeksi. Tilaa jakoivat käytettyjen vaatteiden "
                "startup-yritys, asukasyhdistyksen ompelukerho ja nuorten itse pyörittämä "
                "e-urheiluilta kahdesti viikossa. Kokeilun mittarit olivat kävijät viikossa "
                "(tavoite 300, toteuma noin 420), uudet aloittavat yritykset (tavoite 1, "
                "toteuma 1: vaateyritys teki tavallisen vuokrasopimuksen) ja asukkaiden "
                "arviot (keskiarvo 4,3/5). Yksi asia ei siirtynyt: kumppanilähiössä sama "
                "vuokrataloyhtiö omisti sekä asunnot että liiketilat, mikä nopeutti "
                "päätöksiä. Tesomalla sopiminen usean omistajan kanssa vei kuukausia "
                "pidempään."
            ),
            "lessons": (
                "- Ota opintomatkalle mukaan asukkaita ja yrittäjiä eikä vain "
                "viranhaltijoita. He tuovat ideat kotiin ja puolustavat niitä.\n"
                "- Kysy isänniltä, mikä ei toiminut. Epäonnistumisista oli enemmän hyötyä "
                "kuin onnistumisista.\n"
                "- Tarkista omistukseen, lainsäädäntöön ja rahoitukseen liittyvät erot ennen "
                "kuin kopioit ratkaisun.\n"
                "- Vastavierailu tekee oman toiminnan näkyväksi: kumppanit kysyivät asioita, "
                "joita Tesoman tiimi oli lakannut kysymästä."
            ),
            "discussion_questions": (
                "1. Miltä kumppanikaupungilta tai -lähiöltä alueesi voisi oppia, ja mitä "
                "juuri haluaisit nähdä siellä?\n"
                "2. Kenen alueeltasi pitäisi lähteä vierailulle, ja miten he jakaisivat "
                "näkemänsä muille?\n"
                "3. Mikä teidän tilanteessanne (omistus, lainsäädäntö, raha) voisi estää "
                "ulkomaisen ratkaisun toimimisen?\n"
                "4. Mitä muut voisivat oppia teiltä?"
            ),
            "transcript": (
                "Kertoja: Tyhjä liiketila Länsikeskuksessa. Vuoteen kukaan ei halunnut "
                "vuokrata sitä.\n"
                "Yritysneuvoja: Olimme kuulleet, että eräässä hollantilaisessa lähiössä oli "
                "sama ongelma. EU:n kaupunkiverkoston kautta pääsimme katsomaan, miten he "
                "ratkaisivat sen.\n"
                "Kertoja: Kaupunki ei lähettänyt matkalle pelkkiä viranhaltijoita. Mukaan "
                "lähtivät myös kauppias, asukasyhdistys ja nuori nuorisovaltuustosta.\n"
                "Kauppias: Parhaiten muistan sen, mitä he kertoivat virheistään. Se säästi "
                "meiltä kuukausia.\n"
                "Kertoja: Tesomalla ryhmä valitsi sen, mikä sopii tänne: kuuden kuukauden "
                "vuokrasopimuksen alennetulla vuokralla, ja tilaa jakaa usea pieni toimija.\n"
                "Kertoja: Tilaan muuttivat käytettyjen vaatteiden startup, ompelukerho ja "
                "nuorten e-urheiluilta. Kävijöitä oli viikossa yli neljäsataa.\n"
                "Nuorisovaltuutettu: Hollantilaiset tulivat myös tänne. He kysyivät, miksi "
                "emme anna nuorten pyörittää itse enemmän asioita. Hyvä kysymys.\n"
                "Kertoja: Vaateyritys teki kokeilun jälkeen tavallisen vuokrasopimuksen. Ja "
                "seuraavaa tyhjää tilaa suunnitellaan jo."
            ),
        },
        "sv": {
            "title": "Vad Tesoma lärde sig av en partnerförort",
            "summary": (
                "Via ett EU-finansierat stadsnätverk besökte tjänstemän från Tammerfors, en "
                "handlare i Länsikeskus och en invånarförening en förort från 1970-talet i "
                "Nederländerna som hade fyllt tomma affärslokaler med tillfällig lokal "
                "verksamhet. Hemma prövade de idén i Länsikeskus – anpassad, inte kopierad."  # noqa: RUF001
            ),
            "place_name": "Tesoma och en partnerförort i Nederländerna",
            "situation": (
                "Flera affärslokaler i Länsikeskus stod tomma, och charretten hade lyft fram "
                "utveckling av företag och service som ett av sina teman. Staden hade utan "
                "framgång försökt locka nya hyresgäster via de vanliga kanalerna. Tammerfors "
                "hade gått med i ett tvåårigt utbytesnätverk där nio europeiska städer "
                "förnyar förorter från samma tid. Nätverket hade en budget för studiebesök."
            ),
            "what_was_done": (
                "I stället för att bara skicka tjänstemän satte staden ihop en lokal grupp: "
                "områdeskoordinatorn, en företagsrådgivare, en handlare i Länsikeskus, en "
                "representant för en invånarförening och en ung person från "
                "ungdomsfullmäktige. I partnerförorten deltog gruppen i en promenadverkstad "
                "kring det lokala köpcentret och intervjuade företagare som hade börjat i "
                "tillfälliga lokaler till låg hyra. De nederländska kollegerna gjorde ett "
                "motbesök i Tesoma ett halvår senare och deltog i kartenkätens enkätstation "
                "och i ett lärandekafé. Hemma höll gruppen ett lärandekafé och bestämde vad "
                "som passar Tesoma: korta hyresavtal på 3–6 månader, en lokal som delas av "  # noqa: RUF001
                "flera små aktörer och tydliga mätare från början."
            ),
            "who": (
                "Stadens områdeskoordinator och näringslivstjänster, ledningen för "
                "Länsikeskus och en handlare, en invånarförening, ungdomsfullmäktige och "
                "partnerstadens områdesteam. Nätverkets ledande partner ordnade besöken."
            ),
            "what_happened": (
                "Köpcentrets ledning gick med på att hyra ut en tom lokal till nedsatt hyra i "
                "sex månader. Lokalen delades av ett nystartat företag för begagnade kläder, "
                "en invånarförenings syklubb och en e-sportkväll som de unga själva drev två "
                "gånger i veckan. Försökets mätare var besökare per vecka (mål 300, utfall "
                "cirka 420), nya företag som startar (mål 1, utfall 1: klädföretaget skrev "
                "ett vanligt hyresavtal) och invånarnas betyg (medeltal 4,3/5). En sak gick "
                "inte att överföra: i partnerförorten ägde samma bostadsbolag både bostäderna "
                "och affärslokalerna, vilket gjorde besluten snabba. I Tesoma tog avtalen med "
                "flera ägare månader längre."
            ),
            "lessons": (
                "- Ta med invånare och företagare på studiebesök, inte bara tjänstemän. De "
                "tar hem idéerna och försvarar dem.\n"
                "- Fråga värdarna vad som inte fungerade. Misslyckandena var nyttigare än "
                "framgångarna.\n"
                "- Kontrollera skillnaderna i ägande, lagstiftning och finansiering innan du "
                "kopierar en lösning.\n"
                "- Ett motbesök gör den egna praktiken synlig: partnerna ställde frågor som "
                "Tesomas team hade slutat ställa."
            ),
            "discussion_questions": (
                "1. Vilken partnerstad eller förort kunde ert område lära sig av, och vad "
                "exakt skulle du vilja se där?\n"
                "2. Vem från ert område borde åka på besöket, och hur skulle de dela med sig "
                "av det de såg?\n"
                "3. Vad i er situation (ägande, lagstiftning, pengar) kunde hindra en "
                "utländsk lösning från att fungera?\n"
                "4. Vad kunde andra lära sig av er?"
            ),
            "transcript": (
                "Berättare: En tom affärslokal i köpcentret Länsikeskus. På ett år ville "
                "ingen hyra den.\n"
                "Företagsrådgivare: Vi hade hört att en förort i Nederländerna hade samma "
                "problem. Via ett EU-nätverk för städer kunde vi åka och se hur de löste "
                "det.\n"
                "Berättare: Staden skickade inte bara tjänstemän. Också en handlare, en "
                "invånarförening och en ung person från ungdomsfullmäktige åkte med.\n"
                "Handlare: Det jag minns bäst är vad de berättade om sina misstag. Det "
                "sparade oss månader.\n"
                "Berättare: Tillbaka i Tesoma valde gruppen det som passar här: ett "
                "hyresavtal på sex månader till nedsatt hyra, och lokalen delas av flera små "
                "aktörer.\n"
                "Berättare: In flyttade ett nystartat företag för begagnade kläder, en "
                "syklubb och en e-sportkväll för unga. Över fyrahundra besökare kom varje "
                "vecka.\n"
                "Ledamot i ungdomsfullmäktige: De nederländska kollegerna kom hit också. De "
                "frågade varför vi inte låter de unga driva fler saker själva. Bra fråga.\n"
                "Berättare: Klädföretaget skrev ett vanligt hyresavtal efter försöket. Och "
                "nästa tomma lokal planeras redan."
            ),
        },
        "en": {
            "title": "What Tesoma learned from a partner suburb",
            "summary": (
                "Through an EU-funded city network, Tampere's officials, a Länsikeskus "
                "shopkeeper and a residents' association visited a 1970s suburb in the "
                "Netherlands that had filled empty shop units with temporary local uses. Back "
                "home they tried the idea at Länsikeskus – adapted, not copied."  # noqa: RUF001
            ),
            "place_name": "Tesoma and a partner suburb in the Netherlands",
            "situation": (
                "Several shop units at Länsikeskus stood empty, and the charrette had named "
                "business and service development as one of its themes. The city had tried to "
                "attract new tenants through the usual channels without success. Tampere had "
                "joined a two-year exchange network of nine European cities renewing suburbs "
                "of the same age. The network had a budget for study visits."
            ),
            "what_was_done": (
                "Instead of sending only officials, the city put together a local group: the "
                "area coordinator, a business advisor, a Länsikeskus shopkeeper, a "
                "representative of a residents' association and a young person from the youth "
                "council. In the partner suburb, the group joined a walking workshop around "
                "the local shopping centre and interviewed entrepreneurs who had started out "
                "in temporary spaces at a low rent. The Dutch colleagues paid a return visit "
                "to Tesoma six months later and took part in a map survey stand and a "
                "learning café. Back home, the group held a learning café of its own and "
                "decided what would fit Tesoma: short leases of 3–6 months, one unit shared "  # noqa: RUF001
                "by several small actors, and clear measures from the start."
            ),
            "who": (
                "The city's area coordinator and business services, the Länsikeskus "
                "management and one shopkeeper, a residents' association, the youth council "
                "and the partner city's neighbourhood team. The network's lead partner "
                "organised the visits."
            ),
            "what_happened": (
                "The shopping centre management agreed to let one empty unit at a reduced "
                "rent for six months. It was shared by a second-hand clothing start-up, a "
                "residents' association's sewing club and an e-sports evening run by young "
                "people twice a week. The pilot's measures were visitors per week (target "
                "300, actual about 420), new businesses starting (target 1, actual 1: the "
                "clothing start-up signed a normal lease) and residents' ratings (average 4.3 "
                "out of 5). One thing did not transfer: in the partner suburb, one housing "
                "corporation owned both the flats and the shops, which made decisions quick. "
                "In Tesoma, agreements with several owners took months longer."
            ),
            "lessons": (
                "- Take residents and entrepreneurs on study visits, not only officials. They "
                "bring the ideas home and stand up for them.\n"
                "- Ask your hosts what did not work. The failures were more useful than the "
                "successes.\n"
                "- Check differences in ownership, law and funding before copying a "
                "solution.\n"
                "- A return visit makes your own practice visible: the partners asked "
                "questions Tesoma's team had stopped asking."
            ),
            "discussion_questions": (
                "1. Which partner city or suburb could your area learn from, and what exactly "
                "would you want to see there?\n"
                "2. Who from your area should go on the visit, and how would they share what "
                "they saw?\n"
                "3. What in your situation (ownership, law, money) could stop a foreign "
                "solution from working?\n"
                "4. What could others learn from you?"
            ),
            "transcript": (
                "Narrator: An empty shop unit in the Länsikeskus shopping centre. For a year, "
                "nobody wanted to rent it.\n"
                "Business advisor: We had heard that a suburb in the Netherlands had the same "
                "problem. Through an EU city network we could go and see how they solved "
                "it.\n"
                "Narrator: The city did not send only officials. A shopkeeper, a residents' "
                "association and a young person from the youth council went too.\n"
                "Shopkeeper: What I remember best is what they told us about their mistakes. "
                "That saved us months.\n"
                "Narrator: Back in Tesoma, the group chose what fits here: a six-month lease "
                "at a reduced rent, with the unit shared by several small actors.\n"
                "Narrator: A second-hand clothing start-up, a sewing club and a youth "
                "e-sports evening moved in. Over four hundred visitors came each week.\n"
                "Youth council member: The Dutch visitors came here too. They asked why we "
                "don't let young people run more things themselves. Good question.\n"
                "Narrator: The clothing start-up signed a normal lease after the pilot. And "
                "the next empty unit is already being planned."
            ),
        },
    },
    {
        "slug": "residents-garden-and-repair-cafe",
        "themes": [ToolkitTheme.TOGETHER, ToolkitTheme.BUSINESS],
        "audiences": [Audience.RESIDENTS, Audience.ASSOCIATIONS, Audience.OFFICIALS],
        "methods": [
            "residents-as-developers",
            "open-space-meeting",
            "learning-cafe",
            "evaluation-by-measures",
        ],
        "place": (23.642, 61.496),
        "video_url": "",
        "fi": {
            "title": "Asukkaiden puutarha ja korjauskahvila",
            "summary": (
                "Tesomalainen asukasyhdistys muutti kerrostalojen välissä olleen "
                "käyttämättömän nurmen yhteisöpuutarhaksi ja aloitti taloyhtiön "
                "kerhohuoneessa kuukausittaisen korjauskahvilan. Kaupunki auttoi pienellä "
                "avustuksella, maankäyttösopimuksella ja yhteyshenkilöllä – kaiken muun "  # noqa: RUF001
                "asukkaat hoitivat itse."
            ),
            "place_name": "Asukasyhdistyksen puutarha, Tesoma",
            "situation": (
                "Charretten jälkeisessä avoimessa asukasfoorumissa suosituin aihe oli "
                "”kasvatetaan ja korjataan yhdessä”. Monella 1960- ja 70-lukujen "
                "kerrostalojen asukkaalla ei ollut omaa pihaa, ja iäkkäämmillä asukkailla oli "
                "taitoja – ompelua sekä pyörien ja pienelektroniikan korjaamista – joita "  # noqa: RUF001
                "kukaan ei kysynyt. Asukasyhdistys oli aktiivinen, mutta se ei ollut koskaan "
                "vetänyt hanketta, jossa oli rahaa ja lupia."
            ),
            "what_was_done": (
                "Yhdistys haki Asukkaat kehittäjinä -kierrokselta 4 500 euroa. Kaupungin "
                "yhteyshenkilö auttoi laatimaan maankäyttösopimuksen kaupungin omistamasta "
                "600 neliömetrin nurmesta kahden taloyhtiön vieressä, tarkistutti maaperän ja "
                "järjesti vesiliittymän. Vapaaehtoiset rakensivat avustuksella ostetusta "
                "puutavarasta 24 viljelylaatikkoa yhdessä viikonlopussa. Laatikot arvottiin, "
                "ja neljä niistä varattiin lähikoululle ja päiväkodille. Korjauskahvila "
                "kokoontui joka kuukauden ensimmäisenä lauantaina taloyhtiön kerhohuoneessa. "
                "Vapaaehtoiset korjaajat korjasivat vaatteita, pyöriä, lamppuja ja pieniä "
                "kodinkoneita, ja kävijät maksoivat kahvikassaan haluamansa summan. Yhdistys "
                "asetti mittarinsa itse: viljelijöiden määrä, korjaukset kuukaudessa ja "
                "jätteeltä säästyneet kilot."
            ),
            "who": (
                "Asukasyhdistyksen hallitus ja noin 30 vapaaehtoista, kaksi taloyhtiötä, "
                "lähikoulu ja päiväkoti, kaupungin yhteyshenkilö, puistojen kunnossapito "
                "(vesiliittymä) sekä Länsikeskuksen rautakauppa, joka antoi alennusta "
                "työkaluista."
            ),
            "what_happened": (
                "Ensimmäisenä kesänä 24 laatikolla oli 41 kaikenikäistä viljelijää, ja "
                "jonotuslistalla oli 15 nimeä. Korjauskahvilassa tehtiin keskimäärin 35 "
                "korjausta kuukaudessa, ja jätteeltä säästyi arviolta 600 kiloa tavaraa "
                "vuodessa. Puutarhasta tuli kohtaamispaikka: useampi viljelijä kertoi "
                "tuntevansa nyt naapureita, joiden ohi oli kulkenut vuosia. Myös ongelmia "
                "ilmeni. Kuiva heinäkuu osoitti, että kastelulle tarvittiin vuorolista, ja "
                "kaksi vapaaehtoista kantoi suurimman osan korjauskahvilan työstä, kunnes "
                "yhdistys sai lisää korjaajia koulun tiedotteen kautta. Toisena vuonna "
                "yhdistys pyöritti puutarhaa ilman avustusta ja kattoi vesimaksut pienillä "
                "laatikkomaksuilla."
            ),
            "lessons": (
                "- Kaupungin arvokkain apu ei ollut raha vaan yhteyshenkilö, joka ratkaisi "
                "maankäyttösopimuksen ja vesiliittymän.\n"
                "- Yhdistyksen itse valitsemia mittareita myös käytettiin: niitä esiteltiin "
                "ylpeinä oppimiskahvilassa.\n"
                "- Jaa kuormaa ajoissa. Kahden ihmisen varassa oleva hanke on hauras.\n"
                "- Varaa paikkoja niille, jotka eivät itse hakisi, kuten koululle ja "
                "päiväkodille."
            ),
            "discussion_questions": (
                "1. Mitä taitoja ja tiloja alueellanne on käyttämättä, ja kuka voisi tuoda ne "
                "yhteen?\n"
                "2. Mitä lupia ja sopimuksia vastaava hanke tarvitsisi teidän kunnassanne, ja "
                "kuka voisi auttaa niissä?\n"
                "3. Miten estäisit vapaaehtoishanketta jäämästä yhden tai kahden ihmisen "
                "varaan?\n"
                "4. Mitä kaupungin ei pitäisi tehdä, jotta hanke pysyy asukkaiden omana?"
            ),
            "transcript": (
                "Kertoja: Lauantaiaamu kahden kerrostalon välissä Tesomalla. Siinä, missä "
                "ennen oli käyttämätön nurmi, on nyt kaksikymmentäneljä viljelylaatikkoa.\n"
                "Viljelijä: Olen asunut tässä talossa kaksitoista vuotta. Tänä kesänä opin "
                "vihdoin naapureideni nimet.\n"
                "Kertoja: Asukasyhdistys sai kaupungilta pienen avustuksen ja rakensi "
                "laatikot yhdessä viikonlopussa. Kaupungin yhteyshenkilö auttoi maasopimuksen "
                "ja veden kanssa.\n"
                "Yhdistyksen puheenjohtaja: Raha oli tärkeää, mutta apu lupien kanssa oli "
                "vielä tärkeämpää. Emme olisi ikinä löytäneet tietä niiden läpi itse.\n"
                "Kertoja: Viereisen taloyhtiön kerhohuoneessa korjauskahvila on auki. "
                "Vapaaehtoiset korjaavat lampun, pyörän ja revenneen takin.\n"
                "Vapaaehtoinen korjaaja: Ennen ihmiset heittivät nämä pois. Nyt he tuovat ne "
                "tänne ja oppivat korjaamaan itse.\n"
                "Kertoja: Kolmekymmentäviisi korjausta kuukaudessa ja jono "
                "viljelylaatikoihin. Toisena vuonna yhdistys pyöritti puutarhaa ilman "
                "avustusta.\n"
                "Yhdistyksen puheenjohtaja: Neuvomme on: älkää jättäkö kaikkea kahden ihmisen "
                "varaan. Sen opimme kantapään kautta."
            ),
        },
        "sv": {
            "title": "Invånarnas odling och reparationskafé",
            "summary": (
                "En invånarförening i Tesoma gjorde en oanvänd gräsmatta mellan höghusen till "
                "en gemenskapsodling och startade ett reparationskafé en gång i månaden i ett "
                "bostadsbolags klubbrum. Staden hjälpte till med ett litet bidrag, ett "
                "markanvändningsavtal och en kontaktperson – resten skötte invånarna själva."  # noqa: RUF001
            ),
            "place_name": "Invånarföreningens odling i Tesoma",
            "situation": (
                "På det öppna grannskapsforumet efter charretten var det populäraste ämnet "
                "”vi odlar och reparerar tillsammans”. Många som bodde i höghusen från 1960- "
                "och 70-talen hade ingen egen trädgård, och äldre invånare hade färdigheter – "  # noqa: RUF001
                "att sy och att reparera cyklar och småelektronik – som ingen frågade efter. "  # noqa: RUF001
                "Invånarföreningen var aktiv men hade aldrig drivit ett projekt med pengar "
                "och tillstånd."
            ),
            "what_was_done": (
                "Föreningen sökte 4 500 euro i omgången Invånarna som utvecklare. Stadens "
                "kontaktperson hjälpte till att göra upp ett markanvändningsavtal för en "
                "gräsmatta på 600 kvadratmeter som staden äger intill två bostadsbolag, lät "
                "undersöka jorden och ordnade en vattenanslutning. Frivilliga byggde 24 "
                "odlingslådor under ett veckoslut av virke som köpts med bidraget. Lådorna "
                "lottades ut, och fyra av dem reserverades för närskolan och daghemmet. "
                "Reparationskaféet träffades den första lördagen i varje månad i ett "
                "bostadsbolags klubbrum. Frivilliga reparatörer lagade kläder, cyklar, lampor "
                "och små hushållsapparater, och besökarna betalade vad de ville till en "
                "kaffekassa. Föreningen satte själv sina mätare: antal odlare, reparationer "
                "per månad och kilo saker som räddades från att bli avfall."
            ),
            "who": (
                "Invånarföreningens styrelse och cirka 30 frivilliga, två bostadsbolag, "
                "närskolan och daghemmet, stadens kontaktperson, parkunderhållet "
                "(vattenanslutningen) och en järnhandel i Länsikeskus som gav rabatt på "
                "verktyg."
            ),
            "what_happened": (
                "Den första säsongen hade de 24 lådorna 41 odlare i alla åldrar, och på "
                "kölistan fanns 15 namn. Reparationskaféet gjorde i medeltal 35 reparationer "
                "i månaden, och uppskattningsvis 600 kilo saker om året räddades från att bli "
                "avfall. Odlingen blev en mötesplats: flera odlare sa att de nu känner "
                "grannar som de har gått förbi i åratal. Det uppstod också problem. En torr "
                "juli visade att vattningen behövde ett turschema, och två frivilliga bar det "
                "mesta av arbetet i reparationskaféet tills föreningen fick fler reparatörer "
                "via skolans meddelanden. Det andra året drev föreningen odlingen utan bidrag "
                "och täckte vattenavgifterna med små lådavgifter."
            ),
            "lessons": (
                "- Stadens värdefullaste hjälp var inte pengarna utan en kontaktperson som "
                "löste markanvändningsavtalet och vattenanslutningen.\n"
                "- Mätare som föreningen själv valde användes också: de visades med stolthet "
                "på lärandekaféet.\n"
                "- Dela på bördan i tid. Ett projekt som hänger på två personer är sårbart.\n"
                "- Reservera platser för dem som inte själva skulle söka, som skolan och "
                "daghemmet."
            ),
            "discussion_questions": (
                "1. Vilka färdigheter och lokaler i ert område används inte, och vem kunde "
                "föra ihop dem?\n"
                "2. Vilka tillstånd och avtal skulle ett liknande projekt behöva i er kommun, "
                "och vem kunde hjälpa till med dem?\n"
                "3. Hur skulle du förhindra att ett frivilligprojekt hänger på en eller två "
                "personer?\n"
                "4. Vad borde staden låta bli att göra, så att projektet förblir invånarnas "
                "eget?"
            ),
            "transcript": (
                "Berättare: En lördagsmorgon mellan två höghus i Tesoma. Där det förut fanns "
                "en oanvänd gräsmatta står nu tjugofyra odlingslådor.\n"
                "Odlare: Jag har bott i det här huset i tolv år. I somras lärde jag mig "
                "äntligen mina grannars namn.\n"
                "Berättare: Invånarföreningen fick ett litet bidrag av staden och byggde "
                "lådorna under ett veckoslut. Stadens kontaktperson hjälpte till med "
                "markavtalet och vattnet.\n"
                "Föreningens ordförande: Pengarna var viktiga, men hjälpen med tillstånden "
                "var ännu viktigare. Vi hade aldrig hittat rätt bland dem själva.\n"
                "Berättare: I bostadsbolagets klubbrum intill är reparationskaféet öppet. "
                "Frivilliga lagar en lampa, en cykel och en trasig jacka.\n"
                "Frivillig reparatör: Förr slängde folk sådana här saker. Nu tar de hit dem "
                "och lär sig laga dem själva.\n"
                "Berättare: Trettiofem reparationer i månaden och kö till odlingslådorna. Det "
                "andra året drev föreningen odlingen utan bidrag.\n"
                "Föreningens ordförande: Vårt råd: låt inte allt hänga på två personer. Det "
                "lärde vi oss den hårda vägen."
            ),
        },
        "en": {
            "title": "A residents' garden and repair café",
            "summary": (
                "A Tesoma residents' association turned an unused lawn between apartment "
                "blocks into a community garden and started a monthly repair café in a "
                "housing company's club room. The city helped with a small grant, a land-use "
                "agreement and a contact person – the residents ran everything else."  # noqa: RUF001
            ),
            "place_name": "The residents' association's garden, Tesoma",
            "situation": (
                "At the open-space meeting after the charrette, the most popular topic was "
                "'growing and fixing things together'. Many residents of the 1960s and 70s "
                "blocks had no garden of their own, and older residents had skills – sewing "  # noqa: RUF001
                "and fixing bikes and small electronics – that nobody asked for. The "  # noqa: RUF001
                "residents' association was active but had never run a project involving "
                "money and permits."
            ),
            "what_was_done": (
                "The association applied for 4,500 euros in the Residents as developers "
                "round. The city's contact person helped draw up a land-use agreement for a "
                "600-square-metre city-owned lawn next to two housing companies, had the soil "
                "tested and arranged a water connection. Volunteers built 24 raised beds in "
                "one weekend from wood bought with the grant. The beds were allocated by lot, "
                "and four were reserved for the local school and day-care centre. The repair "
                "café met on the first Saturday of every month in a housing company's club "
                "room. Volunteer fixers mended clothes, bikes, lamps and small appliances, "
                "and visitors paid what they wished into a coffee fund. The association set "
                "its own measures: the number of gardeners, repairs per month and kilograms "
                "of items saved from the waste."
            ),
            "who": (
                "The residents' association's board and about 30 volunteers, two housing "
                "companies, the local school and day-care centre, the city's contact person, "
                "park maintenance (for the water connection) and a hardware shop at "
                "Länsikeskus that gave a discount on tools."
            ),
            "what_happened": (
                "In the first season, the 24 beds had 41 gardeners of all ages, with 15 names "
                "on the waiting list. The repair café made an average of 35 repairs a month, "
                "saving an estimated 600 kg of items a year from the waste. The garden became "
                "a meeting place: several gardeners said they now know neighbours they had "
                "walked past for years. There were problems too. A dry July showed that "
                "watering needed a rota, and two volunteers carried most of the repair café's "
                "work until the association found more fixers through the school newsletter. "
                "In the second year, the association ran the garden without a grant and "
                "covered the water bills with small bed fees."
            ),
            "lessons": (
                "- The city's most valuable help was not the money but a contact person who "
                "sorted out the land-use agreement and the water connection.\n"
                "- Measures the association chose itself were actually used: they were "
                "proudly presented at the learning café.\n"
                "- Share the load early. A project that rests on two people is fragile.\n"
                "- Reserve places for those who would not apply themselves, such as the "
                "school and the day-care centre."
            ),
            "discussion_questions": (
                "1. What skills and spaces in your area go unused, and who could bring them "
                "together?\n"
                "2. Which permits and agreements would a similar project need in your "
                "municipality, and who could help with them?\n"
                "3. How would you keep a volunteer project from depending on one or two "
                "people?\n"
                "4. What should the city not do, so that the project stays the residents' "
                "own?"
            ),
            "transcript": (
                "Narrator: A Saturday morning between two apartment blocks in Tesoma. Where "
                "there used to be an unused lawn, there are now twenty-four raised beds.\n"
                "Gardener: I've lived in this block for twelve years. This summer I finally "
                "learned my neighbours' names.\n"
                "Narrator: The residents' association got a small grant from the city and "
                "built the beds in one weekend. The city's contact person helped with the "
                "land agreement and the water.\n"
                "Association chair: The money mattered, but the help with the permits "
                "mattered even more. We would never have found our way through them on our "
                "own.\n"
                "Narrator: Next door, in the housing company's club room, the repair café is "
                "open. Volunteers fix a lamp, a bike and a torn jacket.\n"
                "Volunteer fixer: People used to throw these things away. Now they bring them "
                "here and learn to fix them themselves.\n"
                "Narrator: Thirty-five repairs a month, and a waiting list for garden beds. "
                "In the second year, the association ran the garden without any grant.\n"
                "Association chair: Our advice: don't let everything rest on two people. We "
                "learned that the hard way."
            ),
        },
    },
)

# Captions for the first story's clip, matching its English transcript cue by cue.
CAPTIONS_VTT_EN = (
    "WEBVTT\n"
    "\n"
    "00:00:00.000 --> 00:00:04.000\n"
    "Narrator: Tuesday afternoon at the\n"
    "Länsikeskus shopping centre in Tesoma.\n"
    "\n"
    "00:00:04.000 --> 00:00:07.000\n"
    "At a corner table in a small café,\n"
    "\n"
    "00:00:07.000 --> 00:00:12.000\n"
    "the city's area coordinator has spread\n"
    "out a big map of the neighbourhood.\n"
    "\n"
    "00:00:12.500 --> 00:00:16.000\n"
    "Area coordinator: People\n"
    "don't come to the city office.\n"
    "\n"
    "00:00:16.000 --> 00:00:21.000\n"
    "So I come here, every other\n"
    "Tuesday, with coffee and the map.\n"
    "\n"
    "00:00:21.500 --> 00:00:25.500\n"
    "Narrator: An older man stops to ask\n"
    "about snow clearing\n"
    "\n"
    "00:00:25.500 --> 00:00:28.500\n"
    "on the path to the health centre.\n"
    "\n"
    "00:00:28.500 --> 00:00:34.000\n"
    "A mother with a pram wants to know\n"
    "when the playground will be fixed.\n"
    "\n"
    "00:00:34.500 --> 00:00:37.500\n"
    "Area coordinator: I write\n"
    "everything down without names.\n"
    "\n"
    "00:00:37.500 --> 00:00:41.000\n"
    "What I can answer,\n"
    "I answer on the spot.\n"
    "\n"
    "00:00:41.000 --> 00:00:45.000\n"
    "For the rest, I promise\n"
    "a reply within two weeks.\n"
    "\n"
    "00:00:45.500 --> 00:00:50.500\n"
    "Narrator: In winter, a housing company\n"
    "invited her to its sauna evening.\n"
    "\n"
    "00:00:50.500 --> 00:00:55.500\n"
    "After the sauna, residents talked in\n"
    "the club room over juice and sausages.\n"
    "\n"
    "00:00:56.000 --> 00:01:01.000\n"
    "Resident: I've lived here for thirty\n"
    "years and never called the city.\n"
    "\n"
    "00:01:01.000 --> 00:01:06.000\n"
    "But after the sauna it was\n"
    "easy to say what bothers me.\n"
    "\n"
    "00:01:06.500 --> 00:01:10.500\n"
    "Narrator: In a year she had\n"
    "over four hundred conversations.\n"
    "\n"
    "00:01:10.500 --> 00:01:15.500\n"
    "Fourteen small repairs were made within\n"
    "a month, and two ideas became pilots.\n"
    "\n"
    "00:01:16.000 --> 00:01:18.500\n"
    "Café owner: Tuesdays are busier now.\n"
    "\n"
    "00:01:18.500 --> 00:01:23.500\n"
    "People come for the coordinator\n"
    "and stay for coffee and a bun.\n"
    "\n"
    "00:01:24.000 --> 00:01:28.000\n"
    "Narrator: Every month the answers go up\n"
    "on the platform\n"
    "\n"
    "00:01:28.000 --> 00:01:31.500\n"
    "and on a poster here\n"
    "in the shopping centre:\n"
    "\n"
    "00:01:31.500 --> 00:01:33.500\n"
    "you asked, we answered.\n"
)


def _related_slugs() -> dict[str, set[str]]:
    """Each card's related cards, both ways: the relation is symmetrical in the database."""
    related: dict[str, set[str]] = {spec["slug"]: set() for spec in METHOD_CARDS}
    for spec in METHOD_CARDS:
        for other in spec["related"]:
            related[spec["slug"]].add(other)
            related[other].add(spec["slug"])
    return related


def _point(place: tuple[float, float] | None) -> Point | None:
    if place is None:
        return None
    lon, lat = place
    return Point(lon, lat, srid=4326)


def _same_place(current: Point | None, wanted: Point | None) -> bool:
    if current is None or wanted is None:
        return current is None and wanted is None
    return current.srid == wanted.srid and current.equals_exact(wanted, tolerance=1e-9)


def _set_values(obj: Any, values: dict[str, Any]) -> bool:
    """Set plain fields; True if any of them changed."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _set_texts(obj: Any, spec: dict[str, Any], fields: tuple[str, ...]) -> bool:
    """Set every language's column, and the untranslated column to the Finnish text.

    Call inside `translation.override("fi")`: assigning the plain field then writes `<field>_fi`
    too. True if anything changed.
    """
    changed = False
    for field in fields:
        if not hasattr(type(obj), f"{field}_fi"):
            continue  # a single column, not translated (yet)
        for lang in LANGUAGES:
            value = spec[lang][field]
            name = f"{field}_{lang}"
            if getattr(obj, name) != value:
                changed = True
            setattr(obj, name, value)
    for field in fields:
        value = spec["fi"][field]
        # The untranslated column, as loaded from the database (the attribute itself resolves
        # to the active language's column).
        if obj.__dict__.get(field) != value:
            changed = True
        setattr(obj, field, value)
    return changed


def _save_if_changed(obj: Any, changed: bool) -> None:
    if changed or obj.pk is None:
        obj.full_clean()
        obj.save()


def toolkit_demo_load() -> tuple[int, int]:
    """Create or update every method card and story by slug, published; idempotent.

    Returns the numbers of cards and stories.
    """
    with translation.override("fi"), transaction.atomic():
        cards: dict[str, MethodCard] = {}
        for spec in METHOD_CARDS:
            card = MethodCard.objects.filter(slug=spec["slug"]).first() or MethodCard(
                slug=spec["slug"]
            )
            changed = _set_values(
                card,
                {
                    "phase": str(spec["phase"]),
                    "themes": [str(theme) for theme in spec["themes"]],
                    "audiences": [str(audience) for audience in spec["audiences"]],
                    "time_effort": str(spec["time_effort"]),
                    "people_effort": str(spec["people_effort"]),
                    "cost_effort": str(spec["cost_effort"]),
                    "status": str(Publication.PUBLISHED),
                },
            )
            changed = _set_texts(card, spec, CARD_FIELDS) or changed
            _save_if_changed(card, changed)
            cards[spec["slug"]] = card

        for slug, wanted in _related_slugs().items():
            card = cards[slug]
            if set(card.related.values_list("slug", flat=True)) != wanted:
                card.related.set([cards[other] for other in sorted(wanted)])

        stories = 0
        for spec in STORIES:
            story = Story.objects.filter(slug=spec["slug"]).first() or Story(slug=spec["slug"])
            changed = _set_values(
                story,
                {
                    "themes": [str(theme) for theme in spec["themes"]],
                    "audiences": [str(audience) for audience in spec["audiences"]],
                    "video_url": spec["video_url"],
                    "status": str(Publication.PUBLISHED),
                },
            )
            place = _point(spec["place"])
            if not _same_place(story.place, place):
                story.place = place
                changed = True
            changed = _set_texts(story, spec, STORY_TEXT_FIELDS) or changed
            _save_if_changed(story, changed)
            methods = set(spec["methods"])
            if set(story.methods.values_list("slug", flat=True)) != methods:
                story.methods.set([cards[slug] for slug in spec["methods"]])
            stories += 1

    return len(cards), stories
