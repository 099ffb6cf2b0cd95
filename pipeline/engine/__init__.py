"""Running many articles: resumable shards on a local process pool or a Dask cluster.

- `shards.py`: the reader's stream cut into shards, each with a fingerprint
- `worker.py`: `run_shard`, the one per-shard function every engine calls
- `batches.py`: `process_batch`, a shard's batches through the pipeline
- `completions.py`: completion markers, the lock, cleaning up after a kill
- `local.py`, `dask_engine.py`: the engines
- `runner.py`: `run`, which ties them together and assembles the tables
- `manifest.py`, `progress.py`, `memory.py`, `config.py`: the rest
"""
