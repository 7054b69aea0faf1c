"""A program that fails before declaring anything, for the language host's error reporting."""


def load_contacts() -> list[str]:
    raise ValueError("no contacts file: contacts.yaml")


load_contacts()
