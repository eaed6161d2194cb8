import http from 'k6/http';
import { check } from 'k6';

export const options = { vus: 200, duration: '10m' };

export default function () {
  const res = http.get(`${__ENV.TARGET_URL}/api/cart/health`);
  check(res, { 'status 200': (r) => r.status === 200 });
}
