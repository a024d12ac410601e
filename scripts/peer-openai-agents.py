#!/usr/bin/env python3
"""The benchmark workload of shared/bench/README.md on the OpenAI Agents SDK — the fastest Python
peer there — so Aviary and the peer can be measured in the same hour on this VM.

The peers' table in the README was measured on 2026-11-22; the VM's speed drifts by tens of percent
between hours and by up to 4x between hosts of this machine kind — not alike for Aviary and the
peer (docs/benchmarks.md, "Current results") — so a ratio measured with both programs in one set of
interleaved rounds is the fair comparison. Same versions as the README's peers:

    python3 -m venv /tmp/peervenv
    /tmp/peervenv/bin/pip install 'openai-agents==0.24.0' 'openai==3.54.0' 'httpx==0.28.1'
    /tmp/peervenv/bin/python scripts/peer-openai-agents.py --workload delegate -n 2000 -c 1 --port 18181

Prints the README's JSON line last (the same fields and meanings as `aviary bench`).
"""
import argparse
import asyncio
import json
import os
import resource
import time
import urllib.request

from agents import Agent, OpenAIChatCompletionsModel, Runner, function_tool, set_tracing_disabled
from openai import AsyncOpenAI
from pydantic import BaseModel

CUSTOMERS = {"c42": {"id": "c42", "name": "Acme Corp", "status": "active", "plan": "pro"}}
INCIDENTS = [{"id": "inc-1", "customer_id": "c42", "status": "open", "title": "Login failures"}]
EXPECTED = {"tool-loop": "Customer c42 is active; 1 incident open.",
            "delegate": "Support says: Customer c42 is active."}
PROMPTS = {"tool-loop": "What is the status of customer c42 and are there open incidents?",
           "delegate": "What is the status of customer c42?"}


@function_tool
async def get_customer(customer_id: str) -> dict:
    """Look up a customer by id."""
    return CUSTOMERS.get(customer_id, {"id": customer_id, "error": "not found"})


@function_tool
async def get_incidents() -> list:
    """List open incidents."""
    return INCIDENTS


class SupportQuestion(BaseModel):
    question: str


def question_of(options):
    params = options.get("params")
    return params["question"] if isinstance(params, dict) else params.question


def build_agent(workload, port):
    set_tracing_disabled(True)
    client = AsyncOpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key="x")
    model = OpenAIChatCompletionsModel(model="stub-model", openai_client=client)
    if workload == "tool-loop":
        return Agent(name="support", instructions="You are a support assistant. Use the tools to answer.",
                     model=model, tools=[get_customer, get_incidents])
    sub = Agent(name="support_agent", instructions="You are the support agent. Look customers up with get_customer.",
                model=model, tools=[get_customer])
    tool = sub.as_tool(tool_name="support_agent", tool_description="Ask the support agent a question.",
                       parameters=SupportQuestion, input_builder=question_of)
    return Agent(name="router", instructions="You route customer questions to the support_agent tool.",
                 model=model, tools=[tool])


def stub_stats(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stats") as response:
        return json.load(response)


def machine_busy_s():
    """Busy CPU seconds of the whole machine, and steal, from /proc/stat."""
    fields = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    ticks = os.sysconf("SC_CLK_TCK")
    idle = fields[3] + fields[4]
    steal = fields[7] if len(fields) > 7 else 0
    return (sum(fields[:8]) - idle - steal) / ticks, steal / ticks


async def run_once(agent, workload):
    result = await Runner.run(agent, PROMPTS[workload])
    return str(result.final_output).strip()


async def drive(agent, workload, runs, concurrency):
    latencies, errors = [], {}
    started = 0

    async def worker():
        nonlocal started
        while started < runs:
            started += 1
            begin = time.perf_counter()
            try:
                text = await run_once(agent, workload)
                if text != EXPECTED[workload]:
                    raise ValueError(f"unexpected final text: {text!r}")
            except Exception as error:  # a failed run is counted, not fatal
                key = f"{type(error).__name__}: {error}"[:200]
                errors[key] = errors.get(key, 0) + 1
            latencies.append((time.perf_counter() - begin) * 1000)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, errors


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(-(-p * len(ordered) // 100)) - 1))]


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workload", default="tool-loop", choices=sorted(EXPECTED))
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("-c", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--port", type=int, default=18080)
    args = parser.parse_args()

    agent = build_agent(args.workload, args.port)
    await drive(agent, args.workload, args.warmup, min(args.c, max(args.warmup, 1)))

    load1 = os.getloadavg()[0]
    stub_before, busy_before = stub_stats(args.port), machine_busy_s()
    own_before, wall_before = os.times(), time.perf_counter()
    latencies, errors = await drive(agent, args.workload, args.n, args.c)
    wall = time.perf_counter() - wall_before
    own_after, busy_after, stub_after = os.times(), machine_busy_s(), stub_stats(args.port)

    own = (own_after.user - own_before.user) + (own_after.system - own_before.system)
    stub = (stub_after["cpu_user_s"] - stub_before["cpu_user_s"]) + (stub_after["cpu_system_s"] - stub_before["cpu_system_s"])
    print(json.dumps({
        "framework": "openai-agents", "workload": args.workload, "runs": args.n, "concurrency": args.c,
        "wall_s": round(wall, 3), "runs_per_s": round(args.n / wall, 1),
        "p50_ms": round(percentile(latencies, 50), 2), "p99_ms": round(percentile(latencies, 99), 2),
        "cpu_s_per_run": round(own / args.n, 6),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "failures": sum(errors.values()),
        "errors": [f"{count}x {message}" for message, count in sorted(errors.items(), key=lambda kv: -kv[1])[:5]],
        "latency_ms": stub_after.get("latency_ms", 0),
        "llm_requests_per_run": round((stub_after["chat_completions"] - stub_before["chat_completions"]) / args.n, 2),
        "stub_cpu_s_per_run": round(stub / args.n, 6),
        "other_cpu_s": round((busy_after[0] - busy_before[0]) - own - stub, 2),
        "steal_cpu_s": round(busy_after[1] - busy_before[1], 2),
        "load1_start": round(load1, 2),
    }, sort_keys=True))


if __name__ == "__main__":
    asyncio.run(main())
