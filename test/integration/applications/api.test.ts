import request from 'supertest'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { API_KEY, answerAll, applicationsApp, submit } from './harness'

describe('the submissions API', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await applicationsApp()
    for (const app of ['dbs-basic', 'care-worker-wales', 'child-benefit']) {
      // A minute between submissions: the API lists them in the order they were sent.
      t.clock.advanceMinutes(1)
      const browser = new Browserish(t.app)
      await answerAll(browser, app)
      await submit(browser, app)
    }
  })
  afterAll(() => t.close())

  const get = (url: string, key = API_KEY) => request(t.app).get(url).set('Authorization', `Bearer ${key}`)

  it('refuses requests without the right key', async () => {
    expect((await request(t.app).get('/api/v1/submissions')).status).toBe(401)
    expect((await get('/api/v1/submissions', 'wrong-key-wrong-key-wrong')).status).toBe(401)
  })

  it('refuses every request when no key is configured', async () => {
    const bare = await createTestApp()
    try {
      expect((await request(bare.app).get('/api/v1/submissions').set('Authorization', 'Bearer anything')).status).toBe(
        401,
      )
    } finally {
      await bare.close()
    }
  })

  it('pages through submissions with a cursor, each carrying type, reference, answers, channel and times', async () => {
    const first = await get('/api/v1/submissions?limit=2')
    expect(first.status).toBe(200)
    expect(first.body.items).toHaveLength(2)
    expect(first.body.items[0]).toEqual(
      expect.objectContaining({
        application: 'dbs-basic',
        channel: 'online',
        answers: expect.objectContaining({ fullName: 'Alys Jones' }),
      }),
    )
    const second = await get(first.body.next)
    expect(second.body.items).toHaveLength(1)
    expect(second.body.next).toBeNull()
  })

  it('answers 404 for an unknown reference and 400 for a bad query', async () => {
    expect((await get('/api/v1/submissions/DBS-2222-2222')).status).toBe(404)
    expect((await get('/api/v1/submissions?limit=100000')).status).toBe(400)
  })
})
