Feature: Query API
  The Query API answers bad input with RFC 7807 problem details (application/problem+json) that name the parameter
  at fault, and refuses requests without a valid key in X-Api-Key when keys are required (this run requires them:
  every other step sends the run's key).

  Background:
    Given the pipeline is running

  Scenario Outline: A bad <parameter> is answered with 400 problem details naming it
    When I call the Query API at "<request>"
    Then the answer is 400 application/problem+json with an error for "<parameter>"

    Examples:
      | request                                                          | parameter   |
      | /api/logs?from=yesterday                                         | from        |
      | /api/logs?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z      | from        |
      | /api/logs?to=soon                                                | to          |
      | /api/logs?limit=0                                                | limit       |
      | /api/logs?level=LOUD                                             | level       |
      | /api/logs?status=700                                             | status      |
      | /api/logs?cursor=not-a-cursor                                    | cursor      |
      | /api/anomalies?minScore=-1                                       | minScore    |
      | /api/stats/series?series=bogus                                   | series      |
      | /api/stats/series?series=total&granularity=week                  | granularity |

  Scenario: A request without an API key is refused
    When I call the Query API at "/api/logs" without an API key
    Then the answer is 401 application/problem+json
    When I call the Query API at "/api/logs" with the run's API key
    Then the answer is 200
