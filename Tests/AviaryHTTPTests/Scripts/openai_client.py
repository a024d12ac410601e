"""Drives Aviary's OpenAI-compatible facade with the official `openai` Python package.

Usage: python3 openai_client.py BASE_URL API_KEY MODEL
Prints one JSON object with what the client saw; exits non-zero on unexpected errors.
"""
import json
import sys

import openai

base_url, api_key, model = sys.argv[1], sys.argv[2], sys.argv[3]
client = openai.OpenAI(base_url=base_url, api_key=api_key, max_retries=0, timeout=60)
out = {"openai_version": openai.__version__}

out["models"] = sorted(m.id for m in client.models.list().data)

completion = client.chat.completions.create(
    model=model,
    messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Is customer c42 ok?"}],
)
out["completion"] = {
    "id": completion.id,
    "object": completion.object,
    "content": completion.choices[0].message.content,
    "role": completion.choices[0].message.role,
    "finish_reason": completion.choices[0].finish_reason,
    "usage": completion.usage.model_dump() if completion.usage else None,
}

pieces, finish, usage, chunk_ids = [], None, None, set()
stream = client.chat.completions.create(
    model=model,
    messages=[{"role": "user", "content": "Stream it, please."}],
    stream=True,
    stream_options={"include_usage": True},
)
for chunk in stream:
    chunk_ids.add(chunk.id)
    if chunk.usage is not None:
        usage = chunk.usage.model_dump()
    for choice in chunk.choices:
        if choice.delta.content:
            pieces.append(choice.delta.content)
        if choice.finish_reason:
            finish = choice.finish_reason
out["stream"] = {"content": "".join(pieces), "pieces": len(pieces), "finish_reason": finish, "usage": usage,
                 "ids": len(chunk_ids)}

try:
    client.chat.completions.create(model="no-such-agent", messages=[{"role": "user", "content": "hi"}])
    out["unknown_model"] = "no error"
except openai.NotFoundError as e:
    out["unknown_model"] = {"status": e.status_code}

try:
    openai.OpenAI(base_url=base_url, api_key="avk_bad_key", max_retries=0).models.list()
    out["bad_key"] = "no error"
except openai.AuthenticationError as e:
    out["bad_key"] = {"status": e.status_code}

print(json.dumps(out))
