@parsing @fast
Feature: Parsing
  A feature with every construct the runner supports.

  Background:
    Given a background step
    And another background step

  @first
  Scenario: A plain scenario
    It has a description.

    Given a table:
      | name  | count |
      | alpha | 1     |
      | beta  | 2     |
    When a doc string:
      """json
      {"level": "info"}
      """
    And an and step after when
    Then a then step
    But a but step after then
    * a star step after then

  @outline
  Scenario Outline: An outline with <level> logs
    Given <count> logs at level <level>
    Then the table has the row values:
      | level   | count   |
      | <level> | <count> |

    Examples: Small
      | count | level |
      | 1     | info  |
      | 2     | warn  |

    @big
    Examples: Big
      | count | level |
      | 1000  | error |
