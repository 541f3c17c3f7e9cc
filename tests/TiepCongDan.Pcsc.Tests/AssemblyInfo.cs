// One pcscd serves every test here (libpcsclite reads PCSCLITE_CSOCK_NAME once per process), and
// one test kills and restarts it, so the tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
