/**
 * Demo tables: a single-table design `Users` (USER#name / PROFILE and POST# items), `Orders` with a GSI
 * by customer, and a small `Settings` table. Deterministic, so the console's tests can name what they see.
 */

type Call = (
  operation: 'CreateTable' | 'DescribeTable' | 'BatchWriteItem',
  input: Record<string, unknown>,
) => Promise<Record<string, unknown>>;
type Attr = Record<string, unknown>;

export const DEMO_USER_NAMES = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
  'mallory',
  'niaj',
  'olivia',
  'peggy',
  'rupert',
  'sybil',
  'trent',
  'uma',
  'victor',
  'wendy',
] as const;
export const ORDER_COUNT = 200;
export const ORDER_STATUSES = ['PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const;

const S = (s: string): Attr => ({ S: s });
const N = (n: number): Attr => ({ N: String(n) });
const CITIES = ['Berlin', 'Lisbon', 'Osaka', 'Toronto', 'Nairobi', 'Lima', 'Oslo'];
const TAGS = ['aws', 'dynamodb', 'travel', 'food', 'music', 'books', 'cycling', 'photography'];
const PRODUCTS = [
  { sku: 'SKU-1001', name: 'Keyboard', price: 49.9 },
  { sku: 'SKU-1002', name: 'Mouse', price: 19.5 },
  { sku: 'SKU-1003', name: 'Monitor', price: 189 },
  { sku: 'SKU-1004', name: 'USB-C cable', price: 9.99 },
  { sku: 'SKU-1005', name: 'Headphones', price: 79 },
];

/** Small deterministic generator (mulberry32), so every seed writes the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function userItems(rand: () => number): Attr[] {
  const items: Attr[] = [];
  DEMO_USER_NAMES.forEach((name, i) => {
    const tags = TAGS.filter(() => rand() < 0.4);
    items.push({
      pk: S(`USER#${name}`),
      sk: S('PROFILE'),
      type: S('profile'),
      username: S(name),
      email: S(`${name}@example.com`),
      age: N(20 + Math.floor(rand() * 40)),
      active: { BOOL: i % 5 !== 4 },
      signupDate: S(`2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`),
      address: { M: { city: S(CITIES[i % CITIES.length] ?? 'Berlin'), zip: S(String(10000 + i * 137)) } },
      interests: { SS: tags.length ? tags : ['aws'] },
      loginCounts: { L: [N(Math.floor(rand() * 10)), N(Math.floor(rand() * 10)), N(Math.floor(rand() * 10))] },
      ...(i % 3 === 0 ? { nickname: { NULL: true } } : {}),
    });
    const posts = 2 + (i % 4);
    for (let p = 0; p < posts; p++) {
      const day = String(((i * 3 + p * 7) % 28) + 1).padStart(2, '0');
      const month = String((p % 9) + 1).padStart(2, '0');
      items.push({
        pk: S(`USER#${name}`),
        sk: S(`POST#2026-${month}-${day}T${String(8 + p).padStart(2, '0')}:00:00Z`),
        type: S('post'),
        title: S(`${name}'s post ${p + 1}`),
        body: S(`Notes from ${name}, entry ${p + 1}.`),
        likes: N(Math.floor(rand() * 500)),
        published: { BOOL: p !== posts - 1 },
        tags: { SS: [TAGS[(i + p) % TAGS.length] ?? 'aws'] },
      });
    }
  });
  return items;
}

function orderItems(rand: () => number): Attr[] {
  const items: Attr[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < ORDER_COUNT; i++) {
    const customer = DEMO_USER_NAMES[i % DEMO_USER_NAMES.length] ?? 'alice';
    const lines = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      const product = PRODUCTS[Math.floor(rand() * PRODUCTS.length)] ?? {
        sku: 'SKU-1001',
        name: 'Keyboard',
        price: 49.9,
      };
      const qty = 1 + Math.floor(rand() * 3);
      return { product, qty };
    });
    const total = lines.reduce((sum, l) => sum + l.product.price * l.qty, 0);
    items.push({
      orderId: S(`ORD-${String(i + 1).padStart(5, '0')}`),
      customerId: S(customer),
      createdAt: S(new Date(start + i * 3_600_000 * 7).toISOString()),
      status: S(ORDER_STATUSES[Math.floor(rand() * ORDER_STATUSES.length)] ?? 'PENDING'),
      total: N(Math.round(total * 100) / 100),
      currency: S('EUR'),
      express: { BOOL: rand() < 0.2 },
      lines: {
        L: lines.map((l) => ({
          M: { sku: S(l.product.sku), name: S(l.product.name), qty: N(l.qty), price: N(l.product.price) },
        })),
      },
    });
  }
  return items;
}

const SETTINGS: Attr[] = [
  { settingId: S('theme'), value: S('system'), updatedBy: S('alice') },
  { settingId: S('maintenanceMode'), value: { BOOL: false } },
  { settingId: S('maxUploadMb'), value: N(512) },
  { settingId: S('featureFlags'), value: { M: { newDashboard: { BOOL: true }, betaSearch: { BOOL: false } } } },
  { settingId: S('supportEmails'), value: { SS: ['ops@example.com', 'support@example.com'] } },
];

const TABLES = [
  {
    TableName: 'Users',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  },
  {
    TableName: 'Orders',
    AttributeDefinitions: [
      { AttributeName: 'orderId', AttributeType: 'S' },
      { AttributeName: 'customerId', AttributeType: 'S' },
      { AttributeName: 'createdAt', AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byCustomer',
        KeySchema: [
          { AttributeName: 'customerId', KeyType: 'HASH' },
          { AttributeName: 'createdAt', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  },
  {
    TableName: 'Settings',
    AttributeDefinitions: [{ AttributeName: 'settingId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'settingId', KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
  },
];

async function waitActive(call: Call, name: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const out = await call('DescribeTable', { TableName: name });
    if ((out.Table as { TableStatus?: string } | undefined)?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`table ${name} did not become ACTIVE`);
}

async function writeAll(call: Call, table: string, items: Attr[]): Promise<void> {
  const chunks: Attr[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  await Promise.all(
    chunks.map((chunk) =>
      call('BatchWriteItem', { RequestItems: { [table]: chunk.map((Item) => ({ PutRequest: { Item } })) } }),
    ),
  );
}

export async function seedDynamoDb(call: Call): Promise<void> {
  const rand = random(20260101);
  const data: Record<string, Attr[]> = { Users: userItems(rand), Orders: orderItems(rand), Settings: SETTINGS };
  await Promise.all(
    TABLES.map(async (table) => {
      // structuredClone: dynalite keeps the input object as the table's description.
      await call('CreateTable', structuredClone(table));
      await waitActive(call, table.TableName);
      await writeAll(call, table.TableName, data[table.TableName] ?? []);
    }),
  );
}
