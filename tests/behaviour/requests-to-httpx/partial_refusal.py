# One call is refused (`stream=True`) and the rest is rewritten: `import requests` must stay
# next to the new import, and the refused call keeps working.
import requests
from httpserver import start

BASE = start()

streamed = requests.get(BASE + "/bytes?n=6", stream=True)
print(b"".join(streamed.iter_content(2)))
streamed.close()
r = requests.get(BASE + "/redirect")
print(r.status_code, r.json()["path"])
