// Express routes for Link: the browser asks for a link token, then posts back the public token.
import express from 'express';
import { createLinkToken, exchangePublicToken } from './plaid';
import { saveAccessToken } from './items';

const app = express();
app.use(express.json());

app.use((_req, res, next) => {
  res.setHeader('access-control-allow-origin', process.env.WEB_ORIGIN ?? 'http://localhost:3000');
  res.setHeader('access-control-allow-headers', 'content-type');
  next();
});

app.post('/api/link-token', async (req, res) => {
  res.json({ link_token: await createLinkToken(req.body.userId) });
});

app.post('/api/exchange', async (req, res) => {
  const accessToken = await exchangePublicToken(req.body.public_token);
  await saveAccessToken(req.body.userId, accessToken);
  res.sendStatus(204);
});

app.listen(Number(process.env.PORT ?? 8000));
