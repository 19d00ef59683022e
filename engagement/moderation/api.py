"""Moderation API (`/api/v1/moderation/`) and residents' flags: the same services as the pages."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from engagement.common.api import _refusal
from engagement.models import Comment, Contribution, Flag, HiddenReason, ModerationAction, Photo
from engagement.moderation import services as moderation
from engagement.moderation.selectors import (
    QueueFilters,
    contribution_for_moderation,
    moderation_log,
    moderation_queue,
)
from engagement.rules import moderated_campaigns

Action = ModerationAction.Action


class ModerateContributionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(
        choices=[
            Action.APPROVE,
            Action.HIDE,
            Action.RESTORE,
            Action.DUPLICATE,
            Action.EDIT,
            Action.RESPOND,
            Action.BLOCK,
        ]
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


def _moderator(request: Request):
    campaigns = moderated_campaigns(request.user)
    if not campaigns.exists():
        raise PermissionDenied()
    return campaigns


class QueueView(APIView):
    """Contributions needing a moderator in the caller's campaigns, flagged first."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=QueueItemSerializer(many=True))
    def get(self, request: Request) -> Response:
        items = moderation_queue(campaigns=_moderator(request), filters=QueueFilters())[:200]
        return Response(QueueItemSerializer(items, many=True).data)


class ModerateContributionView(APIView):
    """Approve, hide, restore, merge, correct, answer, or block the author."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=ModerateContributionSerializer, responses={200: QueueItemSerializer})
    def post(self, request: Request, pk: int) -> Response:
        item = get_object_or_404(Contribution.objects.select_related("campaign"), pk=pk)
        payload = ModerateContributionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data, action, user = payload.validated_data, payload.validated_data["action"], request.user
        try:
            if action in (Action.APPROVE, Action.HIDE, Action.RESTORE):
                moderation.contribution_moderate(
                    actor=user,
                    contribution=item,
                    action=action,
                    reason=data.get("reason", ""),
                    note=data["note"],
                )
            elif action == Action.DUPLICATE:
                original = Contribution.objects.filter(pk=data.get("original")).first()
                if original is None:
                    raise serializers.ValidationError(
                        {"original": [_("Choose the original contribution.")]}
                    )
                moderation.contribution_mark_duplicate(
                    actor=user, contribution=item, original=original, note=data["note"]
                )
            elif action == Action.EDIT:
                moderation.contribution_correct(
                    actor=user,
                    contribution=item,
                    title=data.get("title", item.title),
                    body=data.get("body", item.body),
                    note=data["note"],
                )
            elif action == Action.RESPOND:
                moderation.contribution_respond(
                    actor=user,
                    contribution=item,
                    status=data.get("status", ""),
                    text=data.get("text", ""),
                )
            elif action == Action.BLOCK and item.participant is not None:
                moderation.participant_block(
                    actor=user,
                    campaign=item.campaign,
                    participant=item.participant,
                    reason=data["note"],
                )
        except DjangoValidationError as error:
            return _refusal(error)
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
        try:
            moderation.comment_moderate(
                actor=request.user,
                comment=comment,
                action=payload.validated_data["action"],
                reason=payload.validated_data.get("reason", ""),
            )
        except DjangoValidationError as error:
            return _refusal(error)
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
        moderation.photo_hide(
            actor=request.user, photo=photo, reason=payload.validated_data["reason"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class LogView(APIView):
    """The moderation log of the caller's campaigns, newest first; read-only by design."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=LogEntrySerializer(many=True))
    def get(self, request: Request) -> Response:
        entries = moderation_log(campaigns=_moderator(request))
        if campaign := request.query_params.get("campaign"):
            entries = entries.filter(campaign__slug=campaign)
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
        comment = None
        if data["comment"]:
            comment = get_object_or_404(Comment, pk=data["comment"], contribution=item)
        try:
            moderation.flag_add(
                participant=request.get_participant(create=True),
                contribution=item,
                comment=comment,
                reason=data["reason"],
                text=data["text"],
            )
        except DjangoValidationError as error:
            return _refusal(error)
        return Response(status=status.HTTP_201_CREATED)
