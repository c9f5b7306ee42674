"""Scale-out ingest: the in-process ``Ingestor`` (``pipeline``), Parquet shards and the shard task
(``shards``), where tasks run (``runners``: in-process, a local process pool, Dask) and the
sharded ingest that ties them together (``sharded``); see docs/cluster.md."""
