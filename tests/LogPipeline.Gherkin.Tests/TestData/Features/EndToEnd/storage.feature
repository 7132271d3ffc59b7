@storage
Feature: Storage
  Logs are kept and can be read back.

  Background:
    Given an empty log store

  Scenario: Normal traffic is stored and can be read back
    Given these logs arrive:
      | Id | Level | Latency |
      | a1 | info  | 12      |
      | a2 | error | 340     |
    When the store is queried for "a2"
    Then the log has level Error and a latency of 340 ms
    And the store holds 2 logs
    But the store holds no log "zz"

  Scenario Outline: A batch of logs is counted
    Given <count> logs at level <level> arrive
    Then the store holds <count> logs

    Examples:
      | count | level |
      | 3     | info  |
      | 5     | warn  |

  @slow
  Scenario: A JSON document is stored verbatim
    Given this log arrives as JSON:
      """
      {"id": "d1", "level": "debug"}
      """
    Then the store holds 1 log

  @ignore
  Scenario: A scenario that is not ready yet
    Given a step nobody has written
