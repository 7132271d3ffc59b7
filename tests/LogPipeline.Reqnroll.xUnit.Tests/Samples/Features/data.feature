@data
Feature: Data
  Outlines, tables and doc strings reach the step definitions.

  Background:
    Given a background step

  @outline
  Scenario Outline: Logs at <level> are counted
    Given <count> logs at level <level>
    Then the table holds the row's values:
      | level   | count   |
      | <level> | <count> |
    And the document names the level <level>:
      """
      level: <level>
      query: <query>
      """

    Examples: Small
      | count | level | query                |
      | 1     | info  | /api/logs?level=info |
      | 2     | warn  | /api/logs?level=warn |

    @slow
    Examples: Big
      | count | level | query                 |
      | 1000  | error | /api/logs?level=error |

  Scenario: Tables bind to Reqnroll's DataTable and its Assist helpers
    Given these logs:
      | Id | Level   | Latency In Ms |
      | a1 | Info    | 12            |
      | a2 | Warning | 340           |
    And this account:
      | Field   | Value   |
      | Name    | Alice   |
      | Balance | 1234.56 |
    Then the logs are:
      | Id | Level   |
      | a1 | Info    |
      | a2 | Warning |

  @ignore
  Scenario: A scenario that is not ready yet
    Given nobody wrote this step
