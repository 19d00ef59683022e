"""Who took part: optional background questions, and the area's population to compare with.

Answers are kept apart from contributions (one answer set per participant and campaign), so
no contribution export or public page can carry them; they go with the participant (account
deletion, retention) and are only ever read in groups of at least ANALYSIS_MIN_GROUP
(docs/decisions/0034-background-questions-and-reports.md).
"""

from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from engagement.models.participation import Campaign, Participant

# What an answer holds when the participant chose "prefer not to say".
DECLINED = "declined"


class Question(models.TextChoices):
    AGE_GROUP = "age_group", _("Age group")
    POSTAL_AREA = "postal_area", _("Postal area")
    RELATION = "relation", _("Relation to the area")


class AgeGroup(models.TextChoices):
    """Bands that Statistics Finland's population tables can be summed into."""

    UNDER_18 = "0-17", _("Under 18")
    FROM_18 = "18-29", _("18 to 29")
    FROM_30 = "30-44", _("30 to 44")
    FROM_45 = "45-64", _("45 to 64")
    FROM_65 = "65-74", _("65 to 74")
    FROM_75 = "75-", _("75 or over")


class Relation(models.TextChoices):
    LIVES = "lives", _("I live here")
    WORKS = "works", _("I work here")
    STUDIES = "studies", _("I study here")
    VISITS = "visits", _("I visit or pass through")
    BUSINESS = "business", _("I run a business here")
    OTHER = "other", _("Other")


postal_code_validator = RegexValidator(
    r"^[0-9]{5}$", _("Enter a Finnish postal code of five digits, such as 33310.")
)


class BackgroundSurvey(models.Model):
    """Which background questions a campaign asks (none: the step is not shown)."""

    campaign = models.OneToOneField(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="background_survey",
    )
    questions = ArrayField(
        models.CharField(max_length=20, choices=Question.choices),
        verbose_name=_("background questions"),
        default=list,
        blank=True,
    )

    class Meta:
        verbose_name = _("background questions")
        verbose_name_plural = _("background questions")

    def __str__(self) -> str:
        return str(self.campaign)


class BackgroundAnswer(models.Model):
    """One participant's answers for one campaign; every field may stay empty (not answered)."""

    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="background_answers",
    )
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="+"
    )
    # An AgeGroup value, DECLINED, or "" (not answered).
    age_group = models.CharField(_("age group"), max_length=10, blank=True)
    # Five digits, DECLINED, or "".
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    # Relation values, or [DECLINED], or [] (not answered).
    relations = ArrayField(
        models.CharField(max_length=10), verbose_name=_("relation to the area"), default=list
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("background answer")
        verbose_name_plural = _("background answers")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "campaign"], name="background_answer_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant_id}@{self.campaign_id}"


class PopulationBase(models.Model):
    """The area's population for one question, as an analyst entered it: source and year."""

    class Measure(models.TextChoices):
        COUNT = "count", _("People (count)")
        SHARE = "share", _("Share (%)")

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="+"
    )
    question = models.CharField(_("question"), max_length=20, choices=Question.choices)
    measure = models.CharField(
        _("values are"), max_length=5, choices=Measure.choices, default=Measure.COUNT
    )
    source = models.CharField(_("source"), max_length=300)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    # Loaded by the demo: shown as "demo values, not statistics" wherever it is shown.
    is_demo = models.BooleanField(_("demo values"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("population structure")
        verbose_name_plural = _("population structures")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "question"], name="population_once")
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}: {self.question}"


class PopulationValue(models.Model):
    """One group's count or share (%) in the population."""

    base = models.ForeignKey(PopulationBase, on_delete=models.CASCADE, related_name="values")
    group = models.CharField(_("group"), max_length=10)
    value = models.DecimalField(
        _("value"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = _("population value")
        verbose_name_plural = _("population values")
        constraints = [
            models.UniqueConstraint(fields=["base", "group"], name="population_value_once")
        ]

    def __str__(self) -> str:
        return f"{self.group}: {self.value}"
