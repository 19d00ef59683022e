"""A workshop plan's items and a story's video (issue 15: 0037, 0038)."""

import factory

from tests.factories.toolkit import MethodCardFactory, StoryFactory, WorkshopPlanFactory
from toolkit.models import StoryVideo, VideoState, WorkshopItem


class WorkshopItemFactory(factory.django.DjangoModelFactory):
    """A 20-minute method card item at the end of a plan."""

    class Meta:
        model = WorkshopItem

    plan = factory.SubFactory(WorkshopPlanFactory)
    position = 1
    kind = "method"
    method = factory.SubFactory(MethodCardFactory)
    minutes = 20
    notes = "Hand out the cards first."


class StoryVideoFactory(factory.django.DjangoModelFactory):
    """A story's video the worker has made ready (names only: no file is written)."""

    class Meta:
        model = StoryVideo

    story = factory.SubFactory(StoryFactory)
    original = "stories/video/original/clip.mp4"
    file = "stories/video/web/clip.mp4"
    poster = "stories/video/poster/clip.jpg"
    duration = 12.0
    width = 1280
    height = 720
    state = VideoState.READY
    captions_fi = "WEBVTT\n\n00:00.000 --> 00:02.000\nHei\n"
