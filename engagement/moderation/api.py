"""Moderation API (`/api/v1/moderation/`) and residents' flags: the same services as the pages."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from engagement.models import Comment, Contribution, Flag, HiddenReason, ModerationAction, Photo
from engagement.moderation import services as moderation
from engagement.moderation.actions import CONTRIBUTION_ACTIONS, moderation_action_perform
from engagement.moderation.selectors import (
    QueueFilters,
    campaigns_moderated_or_refuse,
    contribution_for_moderation,
    moderation_log,
    moderation_queue,
)
from engagement.participation.middleware import client_address

Action = ModerationAction.Action


class ModerateContributionSerializer(serializers.Serializer):
    # A photo is hidden at its own endpoint (HidePhotoView).
    action = serializers.ChoiceField(
        choices=[a for a in CONTRIBUTION_ACTIONS if a != Action.HIDE_PHOTO]
    )
    reason = serializers.ChoiceField(choices=HiddenReason.choices, required=False)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    original = serializers.IntegerField(required=False, help_text="with action=duplicate")
    title = serializers.CharField(required=False, allow_blank=True, help_text="with action=edit")
    body = serializers.CharField(required=False, allow_blank=True, help_text="with action=edit")
    status = serializers.ChoiceField(
        choices=Contribution.Status.choices, required=False, help_text="with action=respond"
    )
    text = serializers.CharField(required=False, allow_blank=True, help_text="with action=respond")


class QueueItemSerializer(serializers.ModelSerializer):
    open_flags = serializers.IntegerField()
    campaign = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    theme = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Contribution
        fields = [
            "id",
            "campaign",
            "theme",
            "kind",
            "title",
            "body",
            "moderation_state",
            "hidden_reason",
            "status",
            "open_flags",
            "created_at",
        ]


class LogEntrySerializer(serializers.ModelSerializer):
    campaign = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = ModerationAction
        fields = [
            "id",
            "created_at",
            "campaign",
            "actor",
            "action",
            "target_type",
            "target_id",
            "reason",
            "details",
        ]


class QueueView(APIView):
    """Contributions needing a moderator in the caller's campaigns, flagged first."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=QueueItemSerializer(many=True))
    def get(self, request: Request) -> Response:
        campaigns = campaigns_moderated_or_refuse(user=request.user)
        items = moderation_queue(campaigns=campaigns, filters=QueueFilters())[:200]
        return Response(QueueItemSerializer(items, many=True).data)


class ModerateContributionView(APIView):
    """Approve, hide, restore, merge, correct, answer, or block the author."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=ModerateContributionSerializer, responses={200: QueueItemSerializer})
    def post(self, request: Request, pk: int) -> Response:
        item = get_object_or_404(Contribution.objects.select_related("campaign"), pk=pk)
        payload = ModerateContributionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        moderation_action_perform(
            actor=request.user,
            contribution=item,
            action=payload.validated_data["action"],
            data=payload.validated_data,
        )
        return Response(QueueItemSerializer(contribution_for_moderation(pk=pk)).data)


class ModerateCommentSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=[Action.APPROVE, Action.HIDE, Action.RESTORE])
    reason = serializers.ChoiceField(choices=HiddenReason.choices, required=False)


class ModerateCommentView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=ModerateCommentSerializer, responses={204: None})
    def post(self, request: Request, pk: int) -> Response:
        comment = get_object_or_404(Comment.objects.select_related("contribution__campaign"), pk=pk)
        payload = ModerateCommentSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        moderation.comment_moderate(
            actor=request.user,
            comment=comment,
            action=payload.validated_data["action"],
            reason=payload.validated_data.get("reason", ""),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class HidePhotoSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=HiddenReason.choices)


class HidePhotoView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=HidePhotoSerializer, responses={204: None})
    def post(self, request: Request, pk: int) -> Response:
        photo = get_object_or_404(Photo.objects.select_related("contribution__campaign"), pk=pk)
        payload = HidePhotoSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        moderation_action_perform(
            actor=request.user,
            contribution=photo.contribution,
            action=Action.HIDE_PHOTO,
            data={"photo": photo, **payload.validated_data},
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class LogView(APIView):
    """The moderation log of the caller's campaigns, newest first; read-only by design."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=LogEntrySerializer(many=True))
    def get(self, request: Request) -> Response:
        entries = moderation_log(
            campaigns=campaigns_moderated_or_refuse(user=request.user),
            campaign_slug=request.query_params.get("campaign"),
        )
        return Response(LogEntrySerializer(entries[:1000], many=True).data)


class FlagSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=Flag.Reason.choices)
    text = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)
    comment = serializers.IntegerField(required=False, allow_null=True, default=None)


class FlagView(APIView):
    """A resident flags a public contribution or one of its comments; once each."""

    @extend_schema(request=FlagSerializer, responses={201: None, 400: None})
    def post(self, request: Request, pk: int) -> Response:
        item = get_object_or_404(Contribution.objects.select_related("campaign"), pk=pk)
        payload = FlagSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        moderation.flag_add(
            participant=request.get_participant(create=True),
            contribution=item,
            comment=data["comment"],
            reason=data["reason"],
            text=data["text"],
            address=client_address(request),
        )
        return Response(status=status.HTTP_201_CREATED)
