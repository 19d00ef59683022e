"""Where apps above engagement add to its pages without engagement importing them.

An app that builds on engagement (toolkit: the pilots answering a contribution) registers, in
its `AppConfig.ready()`, a panel for the contribution page or the campaign page, or a layer for
the campaign map. engagement renders whatever is registered and knows nothing of what it shows,
so the dependency runs one way: geo <- engagement <- toolkit (docs/decisions/0009).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from engagement.models import Campaign, Contribution

# A panel's context for one contribution or campaign; empty or None leaves the panel out.
PanelContext = Callable[[object], dict | None]


@dataclass(frozen=True)
class Panel:
    template: str
    context: PanelContext


_contribution_panels: dict[str, Panel] = {}
_campaign_panels: dict[str, Panel] = {}
_campaign_layers: dict[str, Callable[[Campaign], str]] = {}


def register_contribution_panel(*, name: str, template: str, context: PanelContext) -> None:
    """A section of the contribution page, below the flag form; `context(contribution)`
    gives its template's context. Registering a name again replaces the panel."""
    _contribution_panels[name] = Panel(template=template, context=context)


def register_campaign_panel(*, name: str, template: str, context: PanelContext) -> None:
    """A section of the campaign page, above its list of contributions."""
    _campaign_panels[name] = Panel(template=template, context=context)


def register_campaign_layer(*, config_key: str, url: Callable[[Campaign], str]) -> None:
    """A GeoJSON layer of the campaign map: the map's configuration gets `config_key` with
    the layer's URL for the campaign."""
    _campaign_layers[config_key] = url


def _render(panels: dict[str, Panel], request: HttpRequest, subject: object) -> list[SafeString]:
    rendered = []
    for panel in panels.values():
        context = panel.context(subject)
        if context:
            rendered.append(SafeString(render_to_string(panel.template, context, request)))
    return rendered


def contribution_panels(*, request: HttpRequest, contribution: Contribution) -> list[SafeString]:
    """The registered panels of a contribution page, rendered, in the order of registration."""
    return _render(_contribution_panels, request, contribution)


def campaign_panels(*, request: HttpRequest, campaign: Campaign) -> list[SafeString]:
    """The registered panels of a campaign page, rendered."""
    return _render(_campaign_panels, request, campaign)


def campaign_map_layers(*, campaign: Campaign) -> dict[str, str]:
    """The map configuration's entries for the registered layers of a campaign."""
    return {key: url(campaign) for key, url in _campaign_layers.items()}
