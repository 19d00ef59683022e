"""Reads of the toolkit's content for other doors: who may see a story's uploaded files."""

from django.db.models import Q

from engagement.common.media import MediaFile
from toolkit.models import Publication, Story
from toolkit.rules import can_see_content


def story_file(*, name: str) -> MediaFile | None:
    """Who may see the story video or captions stored under `name`: whoever may see the
    story's page (anyone once it is published, its editors before); None for another name."""
    story = Story.objects.filter(Q(video=name) | Q(captions=name)).first()
    if story is None:
        return None
    return MediaFile(
        public=story.status == Publication.PUBLISHED,
        visible_to=lambda user, participant: can_see_content(user, story),
    )
