"""ssm-contacts base URL and path (JSON protocol: every request is POST /)."""

from .responses import SSMContactsResponse

url_bases = [
    r"https?://ssm-contacts\.(.+)\.amazonaws\.com",
]

url_paths = {
    "{0}/$": SSMContactsResponse.dispatch,
}
