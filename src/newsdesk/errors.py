"""The one exception tree of newsdesk.

Library functions raise these; they never print and never ``return None`` on failure.
The CLI turns each into a one-line message on stderr and the exit code named on its class.

    NewsdeskError                 base; exit code 1
    ├── InputError                the input cannot be read as an article (exit 2)
    │   ├── EmptyInputError       nothing but whitespace
    │   ├── BinaryInputError      looks like a binary file (NUL bytes, image, archive...)
    │   ├── InputTooLargeError    over the size cap
    │   ├── DecodingError         bytes that decode to nothing sensible in any encoding tried
    │   ├── NoArticleError        HTML (or a page) with no article text in it
    │   └── NotFoundError         no article/story/claim with that id in the store
    ├── FetchError                a URL could not be fetched (exit 3)
    │   ├── BlockedAddressError   resolves to a loopback/private/link-local/reserved address
    │   ├── FetchTimeoutError     connect or read timed out
    │   └── BadContentTypeError   the response is not HTML or text
    ├── StoreError                the store cannot be opened or reached (exit 6)
    ├── PipelineError             components assembled in an order that cannot work (exit 1)
    ├── ModelError                a shipped model artifact is missing or corrupt (exit 4)
    ├── EvalDataError             `newsdesk eval` data is missing or not in the expected format (exit 5)
    └── AuditFormatError          `newsdesk audit` input has no recognisable body/lists (exit 2)
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of every error newsdesk raises on purpose."""

    exit_code = 1


class InputError(NewsdeskError):
    exit_code = 2


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class DecodingError(InputError):
    pass


class NoArticleError(InputError):
    pass


class NotFoundError(InputError):
    pass


class AuditFormatError(InputError):
    pass


class FetchError(NewsdeskError):
    exit_code = 3


class BlockedAddressError(FetchError):
    pass


class FetchTimeoutError(FetchError):
    pass


class BadContentTypeError(FetchError):
    pass


class StoreError(NewsdeskError):
    exit_code = 6


class PipelineError(NewsdeskError):
    pass


class ModelError(NewsdeskError):
    exit_code = 4


class EvalDataError(NewsdeskError):
    exit_code = 5


#: Exit codes the CLI documents (``newsdesk --help`` shows this table).
EXIT_CODES = {
    0: "success",
    1: "unexpected newsdesk error",
    2: "bad input (empty, binary, too large, undecodable, no article found, bad option)",
    3: "a URL could not be fetched (blocked address, timeout, HTTP error, wrong content type)",
    4: "a model artifact is missing or corrupt",
    5: "evaluation data is missing or malformed",
    6: "the store (database) cannot be opened or reached",
}
