# `requests.RequestException` as the catch-all: an HTTP error status, a refused connection
# and a timeout; then a tuple of specific exceptions.
import requests
from httpserver import refused_url, start

BASE = start()


def attempt(label, url, timeout=None):
    try:
        r = requests.get(url, timeout=timeout)
        r.raise_for_status()
        print(label, "ok", r.status_code)
    except requests.RequestException:
        print(label, "RequestException")


attempt("200", BASE + "/json")
attempt("404", BASE + "/status/404")
attempt("refused", refused_url())
attempt("slow", BASE + "/slow?delay=1", timeout=0.2)

for url in [refused_url(), BASE + "/slow?delay=1"]:
    try:
        requests.get(url, timeout=0.2)
    except (requests.ConnectionError, requests.Timeout):
        print("ConnectionError or Timeout")
