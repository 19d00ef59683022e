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

// Django's "M" in English (not Intl's, whose September is "Sept" in newer ICU).
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A date the way the templates write it in the page's language (Django's SHORT_DATE_FORMAT:
 * fi "5.12.2026", sv "2026-12-05", en "5 Dec 2026", config/formats/en).
 */
export function formatDate(iso) {
  const d = new Date(iso);
  const [day, month, year] = [d.getDate(), d.getMonth() + 1, d.getFullYear()];
  const language = document.documentElement.lang || "fi";
  if (language === "sv") {
    return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }
  if (language === "en") return `${day} ${MONTHS_EN[month - 1]} ${year}`;
  return `${day}.${month}.${year}`;
}
