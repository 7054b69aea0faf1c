"""The native provider plugin's resources: `count` contacts (the `ours` program's, with the
classes of `pulumi_ssm_contacts.native`).

Config: `count`; `display` (`Before` or `After`: an update changes every contact's display name).
"""

import pulumi

from pulumi_ssm_contacts.native import Contact, ContactType

config = pulumi.Config()
display = config.require("display")
for i in range(config.require_int("count")):
    Contact(f"c{i}", alias=f"bench-{i}", type=ContactType.PERSONAL, display_name=display)
