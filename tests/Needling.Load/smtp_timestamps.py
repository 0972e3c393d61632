"""An aiosmtpd handler for Needling.Load --aftercare: notes when the server accepts each message.

handle_DATA runs once the client has sent the whole message (the final "."); the time taken here, before the
server answers 250, is the moment of acceptance. One tab-separated line per message, appended and flushed:
    unix time (seconds, float)  Message-ID  recipients (comma-separated)  size in bytes
Start: python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_timestamps.Timestamps LOGFILE (with this folder on PYTHONPATH).
"""
import time
from email.parser import BytesHeaderParser


class Timestamps:
    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8")

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("Timestamps needs one argument: the file to append to")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        accepted = time.time()
        headers = BytesHeaderParser().parsebytes(envelope.original_content or envelope.content)
        message_id = (headers.get("Message-ID") or "").strip().strip("<>")
        recipients = ",".join(envelope.rcpt_tos)
        self.file.write(f"{accepted:.6f}\t{message_id}\t{recipients}\t{len(envelope.content)}\n")
        self.file.flush()
        return "250 OK"
