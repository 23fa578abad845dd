"""Writing the hits table of a streamed count to Parquet, chunk by chunk, atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from .._errors import FramingError
from ..match import HITS_COLUMNS


class HitsWriter:
    """Writes the hits table to Parquet as chunks are counted; the file appears on success."""

    def __init__(self, path, lexicon, match: str, voices: bool = False):
        if not isinstance(path, (str, os.PathLike)):
            raise FramingError(
                f"expected a file path, got {path!r}",
                where="count_corpus(hits_path=...)",
                fix="Pass e.g. hits_path='hits.parquet'.",
            )
        self.path = Path(path)
        if not self.path.parent.is_dir():
            raise FramingError(
                f"no such folder: {str(self.path.parent)!r}",
                where="count_corpus(hits_path=...)",
                fix="Create the folder first, or write the hits elsewhere.",
            )
        if self.path.is_dir():
            raise FramingError(
                f"{str(self.path)!r} is a folder",
                where="count_corpus(hits_path=...)",
                fix="Give the path of a file, e.g. hits.parquet.",
            )
        self.partial = self.path.with_name(self.path.name + ".partial")
        self._lexicon = lexicon
        self._match = match
        self._voices = voices  # the hits have add_voice's columns
        self._writer = None

    def _schema(self):
        import pyarrow as pa

        meta = {
            "frames": list(self._lexicon.frame_names),
            "lexicon_name": self._lexicon.name,
            "lexicon_hash": self._lexicon.hash,
            "parameters": {"match": self._match, "case_sensitive": False},
        }
        fields = [
            pa.field(
                c, pa.string() if c in ("article_id", "frame", "entry", "match") else pa.int64()
            )
            for c in HITS_COLUMNS
        ]
        if self._voices:
            fields += [pa.field(c, pa.string()) for c in ("voice", "speaker")]
            fields.append(pa.field("negated", pa.bool_()))
        return pa.schema(fields, metadata={"framing": json.dumps(meta)})

    def _open(self):
        import pyarrow.parquet as pq

        if self._writer is None:
            self._writer = pq.ParquetWriter(self.partial, self._schema())
        return self._writer

    def write(self, hits: pd.DataFrame) -> None:
        import pyarrow as pa

        writer = self._open()
        if len(hits):
            table = pa.Table.from_pandas(hits, schema=writer.schema, preserve_index=False)
            writer.write_table(table, row_group_size=max(len(hits), 1))

    def commit(self) -> None:
        self._open().close()
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        if self._writer is not None:
            try:
                self._writer.close()
            finally:
                self._writer = None
        self.partial.unlink(missing_ok=True)
