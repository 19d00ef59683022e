"""Workshop plans and theatre sessions: made, edited, read by link, presented."""

from django.urls import path

from toolkit.workshops import views

urlpatterns = [
    path("toolkit/workshops/new/", views.workshop_new, name="workshop-new"),
    path("toolkit/workshops/<str:token>/", views.workshop_detail, name="workshop-detail"),
    path("toolkit/workshops/<str:token>/edit/", views.workshop_edit, name="workshop-edit"),
    path("toolkit/workshops/<str:token>/present/", views.workshop_present, name="workshop-present"),
]
