"""Webhooks: endpoints, the event catalogue and deliveries."""

from __future__ import annotations

from bizsuite.core.identity.models import Role
from bizsuite.core.webhooks.api import (
    WebhookDeliveryController,
    WebhookEndpointController,
    WebhookEventTypeController,
)
from bizsuite.core.webhooks.rules import TEST_EVENT
from bizsuite.kit import SECTION_ADMINISTRATION, ModuleSpec, NavItem
from bizsuite.web.i18n import N_
from bizsuite.web.webhooks_pages import WebhookDeliveryPages, WebhookPages

AREA = ModuleSpec(
    name="webhooks",
    kernel=True,
    controllers=[WebhookEndpointController, WebhookDeliveryController, WebhookEventTypeController],
    pages=[WebhookPages, WebhookDeliveryPages],
    navigation=[
        NavItem(N_("Webhooks"), "/admin/webhooks", Role.ADMIN, section=SECTION_ADMINISTRATION, order=50)
    ],
    models=["bizsuite.core.webhooks.models"],
    task_modules=["bizsuite.core.webhooks.tasks"],
    event_types={TEST_EVENT: N_("A test event sent on request to one endpoint.")},
    notices={
        "webhook.updated": N_("Endpoint saved."),
        "webhook.enabled": N_("Endpoint enabled."),
        "webhook.disabled": N_("Endpoint disabled: it receives nothing until enabled."),
        "webhook.deleted": N_("Endpoint deleted."),
        "webhook.test_sent": N_("Test event queued; it appears in the delivery log."),
        "webhook.redelivered": N_("Redelivery queued."),
        "error.endpoint-disabled": N_("The endpoint is disabled; enable it first."),
    },
)
