"""Platform subscriptions: plans, a tenant's subscription, entitlements, Stripe billing."""
