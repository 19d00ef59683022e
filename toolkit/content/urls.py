"""Toolkit pages: method cards, stories, the experiment guide, the editor.

Workshop plans: toolkit/workshops/."""

from django.urls import path

from toolkit.content import editor, editor_revisions, video_views, views

urlpatterns = [
    path("toolkit/", views.index, name="index"),
    path("toolkit/methods/<slug:slug>/", views.method_detail, name="method-detail"),
    path("toolkit/stories/<slug:slug>/", views.story_detail, name="story-detail"),
    path(
        "toolkit/stories/<slug:slug>/video/<str:kind>.<str:lang>.vtt",
        video_views.story_video_track,
        name="story-video-track",
    ),
    path(
        "toolkit/edit/stories/<slug:slug>/video/",
        video_views.story_video_edit,
        name="story-video-edit",
    ),
    path("toolkit/guide/", views.guide, name="guide"),
    path("toolkit/edit/", editor.editor_index, name="editor-index"),
    path("toolkit/edit/<str:kind>/new/", editor.editor_edit, name="editor-new"),
    path("toolkit/edit/<str:kind>/<slug:slug>/", editor.editor_edit, name="editor-edit"),
    path(
        "toolkit/edit/<str:kind>/<slug:slug>/compare/",
        editor_revisions.revision_compare,
        name="editor-compare",
    ),
    path(
        "toolkit/edit/<str:kind>/<slug:slug>/revisions/<int:revision_id>/restore/",
        editor_revisions.revision_restore,
        name="editor-restore",
    ),
]
