// Firehose record transformation (the source article's Lambda): a DynamoDB change record from Kinesis Data Streams
// becomes one flat JSON line of the stored log. Removals (TTL expiry after the retention) are dropped: the archive
// keeps what the table lets go.
const value = (v) =>
  'S' in v ? v.S : 'N' in v ? Number(v.N) : 'BOOL' in v ? v.BOOL : 'NULL' in v ? null
  : 'M' in v ? Object.fromEntries(Object.entries(v.M).map(([k, x]) => [k, value(x)]))
  : 'L' in v ? v.L.map(value) : 'SS' in v ? v.SS : 'NS' in v ? v.NS.map(Number) : 'B' in v ? v.B : null;

exports.handler = async (event) => ({
  records: event.records.map((record) => {
    try {
      const change = JSON.parse(Buffer.from(record.data, 'base64').toString('utf8'));
      const image = change.dynamodb && change.dynamodb.NewImage;
      if (change.eventName === 'REMOVE' || !image) {
        return { recordId: record.recordId, result: 'Dropped', data: record.data };
      }
      const flat = Object.fromEntries(Object.entries(image).map(([k, v]) => [k, value(v)]));
      return { recordId: record.recordId, result: 'Ok', data: Buffer.from(JSON.stringify(flat) + '\n').toString('base64') };
    } catch (e) {
      return { recordId: record.recordId, result: 'ProcessingFailed', data: record.data };
    }
  }),
});
