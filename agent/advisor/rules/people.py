"""Words for people, shared by the volume readers: a count of them is members, not requests."""

from __future__ import annotations

PEOPLE = (r"users?|members?|employees?|staff|agents|analysts?|students?|players?|devs|developers?|engineers?|"
          r"customers?|people|persons?|lawyers?|doctors?|clinicians?|nurses?|teachers?|subscribers?|patients?|reps|"
          r"sellers?|drivers?|seats?|recruiters?|writers?|editors?|traders?|researchers?|workers?|clients?|"
          r"learners?|readers?|visitors?|shoppers?|colleagues?|accountants?|advis[eo]rs?|creators?|consultants?|"
          r"adjusters?|tenants?|residents?|parents?|guests?|callers?|pupils?|dau|mau")  # fmt: skip
# Words that count a firm's or a group's own people whatever their role: "150 seats ... each agent",
# "a 250-person company ... each employee".
OWN_PEOPLE = {"person", "people", "employee", "staff", "colleague", "worker", "teammate", "head", "member",
              "everyone", "us", "staffer", "seat", "user"}  # fmt: skip
