from django.urls import path

from . import editor, toolkit_views, views

app_name = "toolkit"

urlpatterns = [
    path("pilots/", views.pilot_list, name="pilot-list"),
    path("pilots/new/", views.pilot_new, name="pilot-new"),
    path("pilots/<int:pk>/", views.pilot_detail, name="pilot-detail"),
    path("pilots/<int:pk>/edit/", views.pilot_edit, name="pilot-edit"),
    path("pilots/<int:pk>/report/", views.pilot_report, name="pilot-report"),
    path("pilots/<int:pk>/join/", views.pilot_join, name="pilot-join"),
    path("pilots/<int:pk>/feedback/", views.pilot_feedback, name="pilot-feedback"),
    path("organisations/new/", views.organisation_new, name="organisation-new"),
    path("moderation/pilots/", views.review_list, name="pilot-review"),
    path("toolkit/", toolkit_views.index, name="index"),
    path("toolkit/methods/<slug:slug>/", toolkit_views.method_detail, name="method-detail"),
    path("toolkit/stories/<slug:slug>/", toolkit_views.story_detail, name="story-detail"),
    path("toolkit/guide/", toolkit_views.guide, name="guide"),
    path("toolkit/edit/", editor.editor_index, name="editor-index"),
    path("toolkit/edit/<str:kind>/new/", editor.editor_edit, name="editor-new"),
    path("toolkit/edit/<str:kind>/<slug:slug>/", editor.editor_edit, name="editor-edit"),
    path("toolkit/workshops/new/", toolkit_views.workshop_new, name="workshop-new"),
    path("toolkit/workshops/<str:token>/", toolkit_views.workshop_detail, name="workshop-detail"),
]
