"""Resource limits applied to every document read (sizes, zip bombs, text cap, time, memory)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["MIB", "ExtractLimits"]

MIB = 1 << 20


class ExtractLimits(BaseModel):
    """What one document may cost before rnq gives up on it.

    The limits are part of the cache key (see :meth:`fingerprint`): a file refused under a small
    limit is read again when the limit is raised.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: A file larger than this is not opened (« fichier trop volumineux »).
    max_file_bytes: int = Field(default=200 * MIB, gt=0)
    #: Zip archives (DOCX, XLSX, ODT, ODS): total uncompressed bytes, declared and actually read.
    max_uncompressed_bytes: int = Field(default=500 * MIB, gt=0)
    #: Zip archives: uncompressed / compressed size of one member (checked above 1 MiB).
    max_compression_ratio: int = Field(default=200, gt=0)
    #: Zip archives: number of members.
    max_zip_members: int = Field(default=10_000, gt=0)
    #: Extracted text is cut at this many characters (``Extraction.truncated`` is then true).
    max_text_chars: int = Field(default=1_000_000, gt=0)
    #: Seconds one document may take in a worker before it is abandoned (« délai dépassé »).
    timeout_s: float = Field(default=60.0, gt=0)
    #: Address-space limit of each worker process, in MiB (``RLIMIT_AS``); 0 disables it.
    memory_mb: int = Field(default=1024, ge=0)

    def fingerprint(self) -> str:
        """The limits that change what an extraction returns, as a short stable string."""
        return (
            f"f{self.max_file_bytes}u{self.max_uncompressed_bytes}r{self.max_compression_ratio}"
            f"m{self.max_zip_members}t{self.max_text_chars}"
        )
