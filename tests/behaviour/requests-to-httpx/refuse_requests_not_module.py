# expect: unchanged
# `requests` here is a parameter (a dict), not the module: never rewritten.
def lookup(requests, key):
    return requests.get(key, "missing")


def head(requests):
    return requests.head


class Queue:
    def __init__(self):
        self.requests = {"a": 1}

    def get(self, key):
        return self.requests.get(key)


print(lookup({"k": "v"}, "k"), lookup({}, "k"))
print(head(type("R", (), {"head": "attribute"})))
print(Queue().get("a"))
