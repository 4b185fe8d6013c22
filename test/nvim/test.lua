-- Neovim 0.7 headless as a real LSP client of Plaid Lens, configured exactly as the README says.
-- Run by test/nvim/run.js: `nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/test.lua'`, with
-- PLAID_LENS_CONFIG, PLAID_LENS_FIXTURE and PLAID_LENS_SERVER in the environment.
-- Prints one `ok - …` or `not ok - …` line per check; quits with an error code when any check fails.

local failures = 0
local TOKEN = 'access-sandbox-8d3f6a2c-41b7-4e95-a0c8-6f1d2b9e7a34'

local function check(name, passed, detail)
  if passed then
    io.stdout:write('ok - ' .. name .. '\n')
  else
    failures = failures + 1
    io.stdout:write('not ok - ' .. name .. (detail and (': ' .. tostring(detail)) or '') .. '\n')
  end
end

local function finish()
  io.stdout:write('\n')
  if failures > 0 then
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

-- The code of an LSP diagnostic as Neovim 0.7 keeps it.
local function code_of(d)
  local lsp = d.user_data and d.user_data.lsp
  return (lsp and lsp.code) or d.code
end

local function find_diagnostic(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == code then
      return d
    end
  end
end

-- The hover text at a 0-based position, or nil and the reason.
local function hover_at(buf, line, character)
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 5000)
  if not responses then
    return nil, err
  end
  for _, response in pairs(responses) do
    if response.result and response.result.contents then
      return response.result.contents.value or response.result.contents
    end
    if response.err then
      return nil, vim.inspect(response.err)
    end
  end
  return nil, 'no hover'
end

-- The titles of the quick fixes on a diagnostic's line, asked for the way `vim.lsp.buf.code_action()` asks.
local function code_action_titles(buf, diagnostic)
  vim.api.nvim_win_set_cursor(0, { diagnostic.lnum + 1, diagnostic.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, diagnostic.lnum) }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000) or {}
  local titles = {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
    end
  end
  return titles
end

local ok, err = pcall(function()
  vim.g.plaid_lens_cmd = { 'node', os.getenv('PLAID_LENS_CLI'), 'server', '--stdio' }
  dofile(os.getenv('PLAID_LENS_CONFIG'))
  vim.cmd('filetype on')
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('PLAID_LENS_FIXTURE')))
  local buf = vim.api.nvim_get_current_buf()

  local attached = vim.wait(10000, function()
    return #vim.lsp.buf_get_clients(buf) > 0
  end, 50)
  check('the server attaches to the buffer', attached)

  local published = vim.wait(10000, function()
    return find_diagnostic(buf, 'development-environment') ~= nil and find_diagnostic(buf, 'hardcoded-token') ~= nil
  end, 50)
  check('diagnostics arrive without saving', published, vim.inspect(vim.diagnostic.get(buf)))

  local development = find_diagnostic(buf, 'development-environment')
  local first, last = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]:find('PlaidEnvironments.development', 1, true)
  check('the Development constant is flagged on its line and columns',
    development ~= nil and development.lnum == 2 and development.col == first - 1 and development.end_col == last,
    development and string.format('%d:%d-%d', development.lnum, development.col, development.end_col))
  check('the Development finding is an error from plaid-lens',
    development ~= nil and development.severity == vim.diagnostic.severity.ERROR and development.source == 'plaid-lens')

  local all = vim.inspect(vim.diagnostic.get(buf))
  check('no diagnostic holds the token whole', not all:find(TOKEN, 1, true))

  local text, why = hover_at(buf, 2, 60)
  check('a hover explains the Development environment', text ~= nil and text:find('decommissioned on 2024%-06%-20') ~= nil, text or why)

  text, why = hover_at(buf, 3, 40)
  check('a hover explains the token, masked', text ~= nil and text:find('access-sandbox-…7a34', 1, true) ~= nil
    and text:find('**Lifecycle**', 1, true) ~= nil and not text:find(TOKEN, 1, true), text or why)

  if development ~= nil then
    local titles = table.concat(code_action_titles(buf, development), ' | ')
    check('quick fixes switch to Sandbox or Production', titles:find('Switch to Sandbox', 1, true) ~= nil
      and titles:find('Switch to Production', 1, true) ~= nil, titles)
  end

  -- The API glossary: an endpoint hover and request-field completion inside the SDK call of the fixture.
  local call_line, call_text
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:find('client.transactionsSync(', 1, true) then
      call_line, call_text = i - 1, line
    end
  end
  check('the fixture has the SDK call', call_line ~= nil)
  if call_line ~= nil then
    text, why = hover_at(buf, call_line, call_text:find('transactionsSync', 1, true) + 3)
    check('a hover describes the endpoint of an SDK method', text ~= nil and text:find('POST /transactions/sync', 1, true) ~= nil
      and text:find('`access_token` | string | required', 1, true) ~= nil, text or why)

    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = call_line, character = call_text:find('access_token, ', 1, true) + #'access_token, ' - 1 } }
    local responses, cerr = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, 5000)
    local labels = {}
    for _, response in pairs(responses or {}) do
      local result = response.result or {}
      for _, item in ipairs(result.items or result) do
        labels[item.label] = item.detail or ''
      end
    end
    check('completion offers the request fields not yet written', labels['cursor'] == 'string' and labels['count'] ~= nil
      and labels['access_token'] == nil, table.concat(vim.tbl_keys(labels), ' ') .. ' ' .. tostring(cerr))
  end

  -- An edit as you type: Neovim sends it incrementally, and the server answers with fresh diagnostics.
  vim.api.nvim_buf_set_lines(buf, 1, 1, false, { "const legacy = 'https://development.plaid.com';" })
  local rescanned = vim.wait(10000, function()
    local count = 0
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == 'development-environment' then
        count = count + 1
      end
    end
    return count == 2
  end, 50)
  check('a typed Development URL is flagged before saving', rescanned, vim.inspect(vim.diagnostic.get(buf)))
end)

check('the test script ran to the end', ok, err)
finish()
