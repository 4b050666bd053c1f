#!/usr/bin/env python3
"""papersift on Apache Spark: the stage binaries under RDD.pipe, dedupe as a keyed reducer.

    spark-submit --master local[2] dist/spark/papersift_spark.py \\
        --bin .build/release --rules rules --output out/spark corpus/*.txt

Data flow:
  1. inputs → envelopes (papersift_envelope.py): a whole document per text/HTML/XML/JSON-array
     file (binaryFiles), one envelope per line of a JSON Lines file (textFile + zipWithIndex,
     so each record keeps its line number); files of envelopes pass as they are;
  2. map: every partition piped through sift-map.sh
     (sift-clean --format envelope | sift-segment | sift-extract | sift-normalize --emit-key);
  3. shuffle: "key<TAB>record" pairs partitioned by a stable hash of the paper key (CRC-32),
     sorted by key within each partition (repartitionAndSortWithinPartitions);
  4. reduce: every partition piped through sift-reduce.sh (sift-dedupe --keyed);
  5. output: OUTPUT/papers/part-* (JSON Lines), OUTPUT/rejects/part-* when a stage rejected
     records, and with --sorted FILE one local file of all papers sorted by id.

Exit status: 0; 1 when records were rejected (written to OUTPUT/rejects, as the stages' exit 1);
2 usage error; 3 an input could not be read, or the job failed (a stage exited with status 2 or 3).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import time
import zlib

REJECT_TAG = "!reject\t"
HERE = os.path.dirname(os.path.abspath(__file__))


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="papersift_spark.py",
        description="Run the papersift stages on Spark: RDD.pipe map, keyed shuffle, sift-dedupe --keyed reduce.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="input files, directories or globs (any Hadoop file system: file:, hdfs:, s3a:, ...)")
    p.add_argument("--output", required=True, metavar="DIR",
                   help="output directory (Hadoop file system); papers/ and rejects/ are written below it")
    p.add_argument("--bundle", metavar="DIR",
                   help="the executors' papersift directory (make spark-bundle; e.g. the alias of "
                        "--archives papersift-spark.tar.gz#papersift): bin/, rules/, sift-map.sh, sift-reduce.sh")
    p.add_argument("--bin", metavar="DIR", help="directory of the sift-* binaries (default: BUNDLE/bin)")
    p.add_argument("--rules", metavar="DIR", help="rules directory (default: BUNDLE/rules)")
    p.add_argument("--scripts", metavar="DIR",
                   help="directory of sift-map.sh and sift-reduce.sh (default: BUNDLE, else next to this file)")
    p.add_argument("--map-partitions", type=int, default=None, metavar="N",
                   help="spread whole documents round-robin over N partitions, and split each JSON Lines file into "
                        "at least N (default: as the input splits come)")
    p.add_argument("--reduce-partitions", type=int, default=None, metavar="N",
                   help="number of dedupe partitions (default: spark.default.parallelism)")
    p.add_argument("--sorted", metavar="FILE",
                   help="also write every paper into this local file, sorted by id")
    p.add_argument("--placement", metavar="FILE",
                   help="write a local TSV 'partition, kind, file, line' of every input unit (for tests)")
    p.add_argument("--overwrite", action="store_true", help="replace the output directory if it exists")
    args = p.parse_args(argv)
    if args.bundle is None and (args.bin is None or args.rules is None):
        p.error("give --bundle, or --bin and --rules")
    args.bin = args.bin or f"{args.bundle}/bin"
    args.rules = args.rules or f"{args.bundle}/rules"
    args.scripts = args.scripts or args.bundle or HERE
    for name in ("map_partitions", "reduce_partitions"):
        value = getattr(args, name)
        if value is not None and value < 1:
            p.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def stable_hash(key: str) -> int:
    """Partition hash of a paper key: CRC-32 of its UTF-8, the same on every executor and run."""
    return zlib.crc32(key.encode("utf-8"))


def split_keyed(line: str):
    """'key<TAB>record' → (key, record)."""
    key, _, record = line.partition("\t")
    return key, record


def paper_id(line: str) -> str:
    return json.loads(line)["id"]


class HadoopFS:
    """The few Hadoop FileSystem calls the driver needs (listing, sniffing, deleting)."""

    def __init__(self, sc):
        self.jvm = sc._jvm
        self.conf = sc._jsc.hadoopConfiguration()

    def _fs(self, path):
        return path.getFileSystem(self.conf)

    def expand(self, spec: str) -> list[str]:
        """Files of an input: a file, every visible file below a directory, or a glob's matches."""
        path = self.jvm.org.apache.hadoop.fs.Path(spec)
        statuses = self._fs(path).globStatus(path)
        if statuses is None or len(statuses) == 0:
            raise FileNotFoundError(f"{spec}: no such file or directory")
        files = []
        for status in statuses:
            files.extend(self._walk(status))
        return files

    def _walk(self, status) -> list[str]:
        name = status.getPath().getName()
        if status.isFile():
            return [status.getPath().toString()]
        if name.startswith((".", "_")):
            return []
        found = []
        for child in self._fs(status.getPath()).listStatus(status.getPath()):
            if child.isFile() and child.getPath().getName().startswith((".", "_")):
                continue
            found.extend(self._walk(child))
        return found

    def head(self, spec: str, size: int) -> bytes:
        path = self.jvm.org.apache.hadoop.fs.Path(spec)
        stream = self._fs(path).open(path)
        try:
            return bytes(stream.readNBytes(size))
        finally:
            stream.close()

    def delete(self, spec: str):
        path = self.jvm.org.apache.hadoop.fs.Path(spec)
        self._fs(path).delete(path, True)

    def exists(self, spec: str) -> bool:
        path = self.jvm.org.apache.hadoop.fs.Path(spec)
        return self._fs(path).exists(path)


def input_units(sc, files_by_kind, map_partitions):
    """The envelopes of all inputs as one RDD of (placement kind, file, line, envelope)."""
    import papersift_envelope as env

    rdds = []
    whole_files = files_by_kind[env.WHOLE]
    if whole_files:
        docs = sc.binaryFiles(",".join(whole_files), minPartitions=map_partitions)
        if map_partitions:
            # Round-robin by position in the sorted file list: several partitions, deterministically.
            position = {env.file_name(path): i for i, path in enumerate(whole_files)}
            docs = (docs.map(lambda pd: (position.get(env.file_name(pd[0]), 0), pd))
                        .partitionBy(map_partitions, lambda i: i)
                        .values())
        rdds.append(docs.map(lambda pd: ("whole", env.file_name(pd[0]), 1,
                                         env.whole_document(env.file_name(pd[0]), pd[1]))))
    for path in files_by_kind[env.JSON_LINES]:
        name = env.file_name(path)
        lines = sc.textFile(path, minPartitions=map_partitions)
        units = (lines.zipWithIndex()
                      .map(lambda li, name=name: (name, li[1] + 1, env.json_lines_record(name, li[1] + 1, li[0])))
                      .filter(lambda u: u[2] is not None)
                      .map(lambda u: ("line", u[0], u[1], u[2])))
        rdds.append(units)
    for path in files_by_kind[env.ENVELOPES]:
        # Already envelopes: passed on as they are; placement by the file and line they name.
        units = (sc.textFile(path, minPartitions=map_partitions)
                   .filter(lambda text: text.strip(" \t\r"))
                   .map(lambda text: (env.unit_of_envelope(text), text))
                   .map(lambda u: ("whole" if u[0][1] == 1 else "line", u[0][0], u[0][1], u[1])))
        rdds.append(units)
    return sc.union(rdds)


def write_placement(units, path):
    """Which partition every input unit is in: the test's proof that duplicates crossed partitions."""
    rows = units.mapPartitionsWithIndex(
        lambda index, it: ((index, kind, name, line) for kind, name, line, _ in it)).collect()
    with open(path, "w", encoding="utf-8") as f:
        for index, kind, name, line in rows:
            f.write(f"{index}\t{kind}\t{name}\t{line}\n")


def write_sorted(papers, path):
    """All papers in one local file, sorted by id (then by the whole line), streamed partition by partition."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for line in papers.sortBy(lambda line: (paper_id(line), line)).toLocalIterator():
            f.write(line)
            f.write("\n")
    os.replace(tmp, path)


def run(args) -> int:
    from pyspark import SparkContext, StorageLevel

    started = time.monotonic()
    sc = SparkContext.getOrCreate()
    sc.setLogLevel("WARN")
    envelope_module = os.path.join(HERE, "papersift_envelope.py")
    if os.path.exists(envelope_module):  # else it came with --py-files (cluster deploy mode)
        sc.addPyFile(envelope_module)
    import papersift_envelope as env

    fs = HadoopFS(sc)
    try:
        files = sorted({f for spec in args.inputs for f in fs.expand(spec)})
    except FileNotFoundError as e:
        print(f"papersift_spark.py: {e}", file=sys.stderr)
        return 3
    files_by_kind = {env.WHOLE: [], env.JSON_LINES: [], env.ENVELOPES: []}
    for f in files:
        files_by_kind[env.kind_of(fs.head(f, env.SNIFF_BYTES))].append(f)
    if fs.exists(args.output):
        if not args.overwrite:
            print(f"papersift_spark.py: {args.output} exists (use --overwrite)", file=sys.stderr)
            return 2
        fs.delete(args.output)

    map_command = shlex.join(["bash", f"{args.scripts}/sift-map.sh", args.bin, args.rules])
    reduce_command = shlex.join(["bash", f"{args.scripts}/sift-reduce.sh", args.bin, args.rules])
    pipe_env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LC_ALL": "C.UTF-8",
                "TMPDIR": os.environ.get("TMPDIR", "/tmp")}
    reduce_partitions = args.reduce_partitions or sc.defaultParallelism

    units = input_units(sc, files_by_kind, args.map_partitions)
    if args.placement:
        units = units.persist(StorageLevel.MEMORY_AND_DISK)
        write_placement(units, args.placement)

    mapped = (units.map(lambda u: u[3])
                   .pipe(map_command, env=pipe_env, checkCode=True)
                   .persist(StorageLevel.MEMORY_AND_DISK))
    occurrences = mapped.filter(lambda line: not line.startswith(REJECT_TAG)).map(split_keyed)
    shuffled = occurrences.repartitionAndSortWithinPartitions(
        reduce_partitions, partitionFunc=stable_hash, keyfunc=lambda key: key)
    reduced = (shuffled.map(lambda kv: kv[0] + "\t" + kv[1])
                       .pipe(reduce_command, env=pipe_env, checkCode=True)
                       .persist(StorageLevel.MEMORY_AND_DISK))
    papers = reduced.filter(lambda line: not line.startswith(REJECT_TAG))
    papers.saveAsTextFile(args.output.rstrip("/") + "/papers")

    rejects = (mapped.union(reduced)
                     .filter(lambda line: line.startswith(REJECT_TAG))
                     .map(lambda line: line[len(REJECT_TAG):]))
    rejected = rejects.count()
    if rejected:
        rejects.saveAsTextFile(args.output.rstrip("/") + "/rejects")
    if args.sorted:
        write_sorted(papers, args.sorted)

    counts = {
        "inputs": len(files), "json_lines_inputs": len(files_by_kind[env.JSON_LINES]),
        "envelope_inputs": len(files_by_kind[env.ENVELOPES]),
        "map_partitions": mapped.getNumPartitions(), "reduce_partitions": reduce_partitions,
        "occurrences": occurrences.count(), "papers": papers.count(), "rejected": rejected,
        "seconds": round(time.monotonic() - started, 1),
    }
    print("papersift_spark: " + " ".join(f"{k}={v}" for k, v in counts.items()), file=sys.stderr)
    sc.stop()
    return 1 if rejected else 0


def main(argv) -> int:
    args = parse_args(argv)
    from py4j.protocol import Py4JJavaError
    try:
        return run(args)
    except Py4JJavaError as e:
        # A task failed for good, e.g. a stage exited with status 2 or 3: say which, not the JVM stack.
        text = str(e)
        causes = sorted({line.strip() for line in text.splitlines() if "PIPE_FUNCTION_EXITED" in line})
        print("papersift_spark.py: the Spark job failed: " + ("; ".join(causes) or text.splitlines()[0]),
              file=sys.stderr)
        print("papersift_spark.py: the stages' messages are in the executors' standard error", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
