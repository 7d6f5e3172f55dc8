"""The hosted web UI: server-rendered pages with htmx, in zh-CN and en."""
