"""The analysis summaries, as the refresh writes them: each factory makes a published
contribution, runs `analysis_refresh` for its campaign and returns the row it wrote (the
tables are never written by hand)."""

import factory
from django.utils import timezone

from engagement.analysis.services import analysis_refresh, contribution_terms_update
from engagement.models import (
    AnalysisCount,
    AnalysisHexBin,
    AnalysisRefresh,
    AnalysisTerm,
    Contribution,
    ContributionTerms,
)
from tests.factories.engagement import ContributionFactory


class _Refreshed(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    contribution = factory.SubFactory(
        ContributionFactory,
        moderation_state=Contribution.ModerationState.PUBLISHED,
        title="Penkkejä puistoon",
        body="Puistoon tarvitaan penkkejä.",
    )

    @classmethod
    def _create(cls, model_class, *args, contribution, **kwargs):
        analysis_refresh(campaign=contribution.campaign)
        return cls._row(model_class, contribution)


class AnalysisRefreshFactory(_Refreshed):
    class Meta:
        model = AnalysisRefresh

    @classmethod
    def _row(cls, model_class, contribution):
        return model_class.objects.get(campaign=contribution.campaign)


class AnalysisCountFactory(_Refreshed):
    class Meta:
        model = AnalysisCount

    @classmethod
    def _row(cls, model_class, contribution):
        return model_class.objects.get(
            campaign=contribution.campaign,
            theme=contribution.theme,
            kind=contribution.kind,
            status=contribution.status,
            area=contribution.area,
            day=timezone.localdate(contribution.created_at),
        )


class AnalysisHexBinFactory(_Refreshed):
    class Meta:
        model = AnalysisHexBin

    @classmethod
    def _row(cls, model_class, contribution):
        return model_class.objects.get(
            campaign=contribution.campaign, size=30, ids__contains=[contribution.pk]
        )


class AnalysisTermFactory(_Refreshed):
    class Meta:
        model = AnalysisTerm

    @classmethod
    def _row(cls, model_class, contribution):
        return model_class.objects.get(
            campaign=contribution.campaign, theme=contribution.theme, stem="puisto"
        )


class ContributionTermsFactory(_Refreshed):
    class Meta:
        model = ContributionTerms

    @classmethod
    def _create(cls, model_class, *args, contribution, **kwargs):
        contribution_terms_update(campaign=contribution.campaign)
        return model_class.objects.get(contribution=contribution)
