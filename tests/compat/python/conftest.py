"""The emulator the run script started (its https URL and CA file come in the environment) and
the seed tenant's names, shared by every third-party client's tests."""

import os

import pytest

OWNER = "owner@contoso.test"
MEMBER = "member@contoso.test"
OUTSIDER = "outsider@contoso.test"
PUBLIC = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64"  # Contoso Marketing: owner and member
OUTSIDER_ID = "973137be-a645-4737-89fb-51870a0326a5"
# A 1x1 PNG: enough for a photo the emulator reads the size of.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002"
    "0000050001e226059b0000000049454e44ae426082"
)


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("O365KIT_EMULATOR_URL")
    if not url:
        pytest.fail("run through tests/compat/run, which starts the emulator and sets O365KIT_EMULATOR_URL")
    return url
