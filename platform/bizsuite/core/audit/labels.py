"""How the audit log reads: an action (``crm.account.created``) as its subject's label and its
verb's (``客户 · 已创建``), never the raw code. The API keeps returning codes.

Subjects are declared by the areas (``ModuleSpec.audit_subjects``); the kernel's own subjects
are declared here, by the audit area, once. Verbs are the log's words, declared here once.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from bizsuite.kit import registry
from bizsuite.web.i18n import N_, gettext

#: What the kernel's areas' audit actions act on (``member`` of ``member.added``) → label msgid.
KERNEL_SUBJECTS: dict[str, str] = {
    "alert": N_("Alert"),
    "api_key": N_("API key"),
    "approval_flow": N_("Approval flow"),
    "approval_request": N_("Approval request"),
    "approver_assignment": N_("Approver assignment"),
    "chatter_follower": N_("Follower"),
    "chatter_message": N_("Chatter message"),
    "export": N_("Export"),
    "file": N_("File"),
    "import": N_("Import"),
    "invitation": N_("Invitation"),
    "job": N_("Background job"),
    "job_schedule": N_("Job schedule"),
    "member": N_("Member"),
    "notification": N_("Notification"),
    "notification_preferences": N_("Notification preferences"),
    "org_unit": N_("Org unit"),
    "sandbox_clock": N_("Sandbox clock"),
    "saved_view": N_("Saved view"),
    "scheduled_activity": N_("Scheduled activity"),
    "tenant": N_("Organisation"),
    "webhook_delivery": N_("Webhook delivery"),
    "webhook_endpoint": N_("Webhook endpoint"),
}

#: The verb (last part of an action) → label msgid, ``%(subject)s`` being the subject's label.
VERBS: dict[str, str] = {
    "accepted": N_("%(subject)s accepted"),
    "added": N_("%(subject)s added"),
    "advanced": N_("%(subject)s moved forward"),
    "approved": N_("%(subject)s approved"),
    "archived": N_("%(subject)s archived"),
    "calibrated": N_("%(subject)s calibrated"),
    "changed": N_("%(subject)s changed"),
    "closed": N_("%(subject)s closed"),
    "completed": N_("%(subject)s completed"),
    "confirmed": N_("%(subject)s confirmed"),
    "created": N_("%(subject)s created"),
    "decided": N_("%(subject)s decided"),
    "delegated": N_("%(subject)s delegated"),
    "deleted": N_("%(subject)s deleted"),
    "discarded": N_("%(subject)s discarded"),
    "ended": N_("%(subject)s ended"),
    "mapped": N_("%(subject)s columns mapped"),
    "milestone_met": N_("%(subject)s SLA milestone met"),
    "moved": N_("%(subject)s moved"),
    "opened": N_("%(subject)s opened"),
    "paths_changed": N_("%(subject)s promotion paths changed"),
    "queued": N_("%(subject)s queued"),
    "raised": N_("%(subject)s raised"),
    "read": N_("%(subject)s read"),
    "read_all": N_("%(subject)s all read"),
    "read_many": N_("%(subject)s selected read"),
    "recorded": N_("%(subject)s recorded"),
    "redelivered": N_("%(subject)s redelivered"),
    "rejected": N_("%(subject)s rejected"),
    "removed": N_("%(subject)s removed"),
    "reordered": N_("%(subject)s reordered"),
    "replaced": N_("%(subject)s replaced"),
    "restored": N_("%(subject)s restored"),
    "resubmitted": N_("%(subject)s resubmitted"),
    "retried": N_("%(subject)s retried"),
    "revoked": N_("%(subject)s revoked"),
    "scored": N_("%(subject)s scored"),
    "secret_rotated": N_("%(subject)s secret rotated"),
    "stage_changed": N_("%(subject)s stage changed"),
    "status_changed": N_("%(subject)s status changed"),
    "submitted": N_("%(subject)s submitted"),
    "superseded": N_("%(subject)s superseded"),
    "test_sent": N_("%(subject)s test sent"),
    "unlocked": N_("%(subject)s unlocked"),
    "updated": N_("%(subject)s updated"),
    "uploaded": N_("%(subject)s uploaded"),
    "withdrawn": N_("%(subject)s withdrawn"),
}

#: Who wrote an entry when it was not a person (``AuditEntry.actor_type``) → label msgid.
ACTOR_KINDS: dict[str, str] = {
    "user": N_("Former member"),
    "api_key": N_("API key"),
    "operator": N_("Operator"),
    "anonymous": N_("Anonymous"),
}

#: An operator's label for a blueprint's writes: ``blueprint:<source file>``.
_BLUEPRINT_ACTOR = "blueprint:"


def subject_label(action: str) -> str | None:
    """The subject's label msgid of ``action`` (``crm.account`` of ``crm.account.created``)."""
    subject = action.rpartition(".")[0]
    return registry().audit_subjects.get(subject) or KERNEL_SUBJECTS.get(subject)


def action_label(action: str) -> str | None:
    """``action`` in the active language (``客户已创建``), or ``None`` when its subject or verb is
    not declared (then the page shows the code, as a code)."""
    verb = action.rpartition(".")[2]
    subject = subject_label(action)
    if subject is None or verb not in VERBS:
        return None
    return gettext(VERBS[verb], subject=gettext(subject))


def actor_label(label: str) -> Markup:
    """A non-person actor's label as HTML: a blueprint's source file is shown as a code."""
    if label.startswith(_BLUEPRINT_ACTOR):
        source = Markup("<code>%s</code>") % label.removeprefix(_BLUEPRINT_ACTOR)
        return escape(gettext("Blueprint %(source)s")) % {"source": source}
    return escape(label)
