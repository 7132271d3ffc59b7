Feature: Anomaly detection
  The scorer flags the anomalies the generator injects — a latency spike, a burst of 5xx errors, a scan of unusual
  paths, a stranger's requests — and leaves normal traffic mostly alone, with the generator's background traffic
  flowing at 200 logs per second, once the model (and its adaptive threshold) has learnt from 10,000 logs.

  Quality is judged from the outside, on each scenario's own records: the generator labels everything it sends
  (injected_anomaly: the anomaly kind, or none for normal traffic), and the scenario reads back through the Query
  API every record the generator sent in its own time window (from the burst request until the whole burst is
  stored, or while 1,000 normal logs flow), with the verdict the scorer stored (is_anomaly). Recall of a kind: the
  share of the window's records labelled with that kind that are flagged. Precision: the share of the window's
  flagged records that carry an anomaly label. Each kind has its own floors (below), under what this machine
  measures with 20-record bursts after warm-up: recall 100% for each kind below (a stranger's burst once 77%, in six
  runs of the whole specification), precision 88-100%, and under 1% of normal traffic flagged.

  Background:
    Given the pipeline is running
    And the generator produces 200 logs per second
    And the anomaly model has warmed up on 10000 logs

  Scenario Outline: An injected <kind> is flagged
    When the generator injects a burst of <count> <kind> records
    Then at least <recall>% of the burst is flagged as anomalous
    And at least <precision>% of the logs flagged meanwhile were injected anomalies

    Examples:
      | kind          | count | recall | precision |
      | latency_spike | 20    | 75     | 60        |
      | error_burst   | 20    | 85     | 60        |
      | path_scan     | 20    | 85     | 60        |
      | unusual_ip    | 20    | 75     | 60        |

  Scenario: Normal traffic is mostly not flagged
    When at least 1000 more normal logs have been scored and stored
    Then at most 5% of them are flagged as anomalous

  Scenario: The anomaly query returns only scores at or above the asked minimum, highest first
    Given the generator has injected a burst of 20 latency_spike records
    When I ask the Query API for anomalies scoring at least 2.0 since the burst, 5 per page
    Then every anomaly returned scores at least 2.0
    And they come highest score first, across pages
