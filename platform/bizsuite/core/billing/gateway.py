"""The Stripe boundary: the one place that talks to Stripe (through the ``stripe`` package).

Amounts cross it in minor units (:func:`rules.to_minor`); everything it returns is a plain dict
of Stripe's current object. Tests run it over HTTP against localstripe on loopback.
"""

from __future__ import annotations

from typing import Any

from bizsuite.core.billing.rules import ADDON_PLAN_PREFIX, to_minor
from bizsuite.core.errors import ProblemError
from bizsuite.settings import Settings


class PaymentProviderProblem(ProblemError):
    """Stripe refused or could not be reached."""

    status = 502
    slug = "payment-provider-error"
    title = "Payment provider error"


def stripe_plan_id(code: str, version: int, interval: str) -> str:
    """The Stripe plan id of one plan version and interval (stable, so creation is idempotent)."""
    return f"bizsuite-{code}-v{version}-{interval}"


class StripeGateway:
    """Calls Stripe's API with the platform's secret key."""

    def __init__(self, settings: Settings) -> None:
        # The stripe package costs an app worker about 27 MB: imported by the first billing call.
        import stripe

        self.stripe = stripe
        base = {"api": settings.stripe_api_base.rstrip("/")} if settings.stripe_api_base else None
        self.client = stripe.StripeClient(
            settings.stripe_secret_key,
            base_addresses=base,  # type: ignore[arg-type]
            http_client=stripe.HTTPXClient(),
            max_network_retries=2,
        )

    async def _call(self, coroutine: Any) -> dict[str, Any]:
        try:
            result = await coroutine
        except self.stripe.StripeError as exc:
            raise PaymentProviderProblem(f"Stripe: {exc.user_message or exc}") from exc
        data: dict[str, Any] = result.to_dict()
        return data

    async def ensure_plan(
        self, *, code: str, version: int, name: str, interval: str, unit_price: Any, currency: str
    ) -> str:
        """The Stripe plan of a plan version, created on first use."""
        plan_id = stripe_plan_id(code, version, interval)
        try:
            await self.client.v1.plans.retrieve_async(plan_id)
            return plan_id
        except self.stripe.InvalidRequestError:
            pass
        except self.stripe.StripeError as exc:
            if getattr(exc, "http_status", None) != 404:
                raise PaymentProviderProblem(f"Stripe: {exc.user_message or exc}") from exc
        product = await self._call(self.client.v1.products.create_async({"name": f"{name} v{version}"}))
        await self._call(
            self.client.v1.plans.create_async(
                {
                    "id": plan_id,
                    "amount": to_minor(unit_price, currency),
                    "currency": currency.lower(),
                    "interval": interval,
                    "product": product["id"],
                }
            )
        )
        return plan_id

    async def create_customer(self, *, name: str, email: str | None, tenant_id: str) -> dict[str, Any]:
        """A customer for the tenant (its id in the metadata finds it again from any event)."""
        params: dict[str, Any] = {"name": name, "metadata": {"tenant_id": tenant_id}}
        if email:
            params["email"] = email
        return await self._call(self.client.v1.customers.create_async(params))  # type: ignore[arg-type]

    async def retrieve_customer(self, customer_id: str) -> dict[str, Any]:
        """A customer's current state."""
        return await self._call(self.client.v1.customers.retrieve_async(customer_id))

    async def set_payment_method(self, customer_id: str, payment_method: str) -> dict[str, Any]:
        """Attach a payment method and make it the customer's default for invoices."""
        attached = await self._call(
            self.client.v1.payment_methods.attach_async(payment_method, {"customer": customer_id})
        )
        await self._call(
            self.client.v1.customers.update_async(
                customer_id, {"invoice_settings": {"default_payment_method": attached["id"]}}
            )
        )
        return attached

    async def create_subscription(
        self, *, customer_id: str, plan_id: str, seats: int, trial_end: int | None, tenant_id: str
    ) -> dict[str, Any]:
        """Subscribe the customer to a plan for ``seats`` (a trial until ``trial_end``, if given)."""
        params: dict[str, Any] = {
            "customer": customer_id,
            "items": [{"plan": plan_id, "quantity": seats}],
            "metadata": {"tenant_id": tenant_id},
        }
        if trial_end is not None:
            params["trial_end"] = trial_end
        return await self._call(self.client.v1.subscriptions.create_async(params))  # type: ignore[arg-type]

    async def retrieve_subscription(self, subscription_id: str) -> dict[str, Any]:
        """A subscription's current state."""
        return await self._call(self.client.v1.subscriptions.retrieve_async(subscription_id))

    async def update_subscription(
        self, subscription_id: str, *, plan_id: str | None = None, seats: int | None = None
    ) -> dict[str, Any]:
        """Change the plan or the seat quantity (Stripe prorates)."""
        current = await self.retrieve_subscription(subscription_id)
        items = current["items"]["data"]
        # The plan's item (add-ons are items of their own).
        item = next((i for i in items if not str(i["plan"]["id"]).startswith(ADDON_PLAN_PREFIX)), items[0])
        change: dict[str, Any] = {"id": item["id"], "plan": plan_id or item["plan"]["id"]}
        change["quantity"] = seats if seats is not None else item.get("quantity", 1)
        return await self._call(
            self.client.v1.subscriptions.update_async(subscription_id, {"items": [change]})  # type: ignore[arg-type]
        )

    async def ensure_addon_plan(
        self, *, code: str, name: str, interval: str, unit_price: Any, currency: str
    ) -> str:
        """The Stripe plan of an add-on and interval, created on first use."""
        plan_id = f"{ADDON_PLAN_PREFIX}{code}-{interval}"
        try:
            await self.client.v1.plans.retrieve_async(plan_id)
            return plan_id
        except self.stripe.StripeError as exc:
            if (
                not isinstance(exc, self.stripe.InvalidRequestError)
                and getattr(exc, "http_status", None) != 404
            ):
                raise PaymentProviderProblem(f"Stripe: {exc.user_message or exc}") from exc
        product = await self._call(self.client.v1.products.create_async({"name": name}))
        await self._call(
            self.client.v1.plans.create_async(
                {
                    "id": plan_id,
                    "amount": to_minor(unit_price, currency),
                    "currency": currency.lower(),
                    "interval": interval,
                    "product": product["id"],
                }
            )
        )
        return plan_id

    async def set_addon_item(
        self, *, subscription_id: str, plan_id: str, item_id: str | None, quantity: int
    ) -> str | None:
        """Add, change or remove (``quantity`` 0) an add-on's subscription item; its id, if kept.

        Not exercised by the tests: localstripe has no multi-item subscriptions (docs/billing.md).
        """
        items = self.client.v1.subscription_items
        if quantity == 0:
            if item_id:
                await self._call(items.delete_async(item_id))
            return None
        if item_id:
            await self._call(items.update_async(item_id, {"quantity": quantity}))
            return item_id
        created = await self._call(
            items.create_async({"subscription": subscription_id, "plan": plan_id, "quantity": quantity})
        )
        return str(created["id"])

    async def cancel_at_period_end(self, subscription_id: str, cancel: bool) -> dict[str, Any]:
        """Cancel (or keep) the subscription at the end of its period."""
        return await self._call(
            self.client.v1.subscriptions.update_async(subscription_id, {"cancel_at_period_end": cancel})
        )

    async def list_invoices(self, customer_id: str) -> list[dict[str, Any]]:
        """The customer's invoices, newest first."""
        page = await self._call(self.client.v1.invoices.list_async({"customer": customer_id, "limit": 100}))
        invoices: list[dict[str, Any]] = page.get("data", [])
        return invoices

    async def invoice_subscription(self, *, customer_id: str, subscription_id: str) -> dict[str, Any]:
        """Invoice the subscription now (its period's line and any pending items) and try to collect."""
        invoice = await self._call(
            self.client.v1.invoices.create_async({"customer": customer_id, "subscription": subscription_id})
        )
        return await self.pay_invoice(invoice["id"])

    async def pay_invoice(self, invoice_id: str) -> dict[str, Any]:
        """Try to collect an open invoice with the customer's default payment method."""
        return await self._call(self.client.v1.invoices.pay_async(invoice_id))

    async def list_events(self) -> list[dict[str, Any]]:
        """Recent events (used by tests and the reconciliation to replay what was missed)."""
        page = await self._call(self.client.v1.events.list_async({"limit": 100}))
        events: list[dict[str, Any]] = page.get("data", [])
        return events


def construct_event(payload: bytes, signature: str, secret: str) -> dict[str, Any]:
    """Verify a webhook's signature on the raw body and return the event (``ValueError`` on a bad one)."""
    import stripe

    try:
        event = stripe.Webhook.construct_event(payload, signature, secret)
    except stripe.SignatureVerificationError as exc:
        raise ValueError(str(exc)) from exc
    data: dict[str, Any] = event.to_dict()
    return data
