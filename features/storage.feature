Feature: Storage
  Every log that flows through the pipeline is stored in DynamoDB, keyed by its own id, and can be read back through
  the Query API by id and by time range. A log delivered more than once is stored once, and counted once.

  Background:
    Given the pipeline is running

  Scenario: Normal traffic is stored and can be read back by id and by time range
    When 20 normal logs with known ids are sent
    Then every log sent is stored and can be read back by its id
    And reading back the time range of the logs sent, filtered by their path, returns each of them once
    And the stored logs keep the fields they were sent with, and the scorer's verdict

  Scenario: The same log delivered twice is stored once and its counters do not double
    Given 20 normal logs with known ids have been sent and stored
    When the same 20 logs are delivered again, twice, followed by a marker log, all under one key
    And the marker log is stored
    Then every log sent is stored exactly once
    And the request counter of their path counts 21 logs

  @slow
  Scenario: A web scan of thousands of distinct paths is stored and counted without stopping anything
    Each route has a request counter per minute for the first 100 routes of that minute; the others are counted
    together under "(other)", so a scan cannot grow a counter item past DynamoDB's limits, and the routes that already
    have a counter keep counting exactly.

    Given 20 normal logs with known ids have been sent and stored
    When a scanner requests 3000 distinct paths in the same minute, with 20 more normal logs with known ids amid the scan
    Then every log sent is stored exactly once
    And the request counter of their path counts 40 logs
    And every request of the scan is stored once
    And the scan's routes beyond the first 100 of the minute are counted together under "(other)"
    And every stage is still healthy
    And the consumer lag of the scorer and the writer returns to zero
