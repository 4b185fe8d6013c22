-- Plaid Lens for Neovim 0.7 and later: starts one server and attaches it to every file you open.
-- Put this file in ~/.config/nvim/plugin/plaid-lens.lua (or `dofile` it from init.lua).
-- The server runs `plaid-lens server --stdio`; set vim.g.plaid_lens_cmd to run it some other way.
local client_id

local function attach(args)
  if vim.bo[args.buf].buftype ~= '' then
    return
  end
  if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
    client_id = vim.lsp.start_client({
      name = 'plaid-lens',
      cmd = vim.g.plaid_lens_cmd or { 'plaid-lens', 'server', '--stdio' },
      root_dir = vim.fn.getcwd(),
      -- Answered to the server's workspace/configuration requests; see "Settings" in the README.
      settings = { plaidLens = { enable = true, maxFileSizeKB = 1024 } },
    })
  end
  if client_id ~= nil then
    vim.lsp.buf_attach_client(args.buf, client_id)
  end
end

vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  group = vim.api.nvim_create_augroup('plaid_lens', { clear = true }),
  callback = attach,
})
