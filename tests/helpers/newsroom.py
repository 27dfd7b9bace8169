"""Signing in as a member of the newsroom, in one of the roles of migration 0008."""

from django.contrib.auth.models import Group, User
from django.test import Client


def member_of(group, username=None):
    """A browser signed in as a new staff member of `group`, one of the roles of migration 0008."""
    user = User.objects.create_user(username or group.lower(), password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client
