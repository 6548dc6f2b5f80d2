"""Batch analysis on Ray: shards of JSON Lines or Parquet in, one Parquet file of annotations per shard out.

See docs/batch.md. ``shards`` plans and reads shards, ``annotations`` analyses one shard and writes its file and
completion marker, ``job`` runs the shards on Ray Data, ``load`` puts finished annotations into the archive.
"""
